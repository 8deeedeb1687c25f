package dev.vbp.cli.shell;

import dev.vbp.output.Format;
import dev.vbp.output.Lang;
import dev.vbp.workspace.Workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shell's own settings, put in front of every command it runs: the workspace ({@code use DIR}), the
 * format ({@code set format json}) and the language ({@code set lang zh}). An option typed on a command
 * line still wins, since it comes later. The prompt shows the ones in force.
 */
final class ShellSettings {
    Path workspace;
    Format format;
    /** {@code set lang}: null until set, when the language the shell started in holds ({@link #lang()}). */
    Lang lang;
    /** The language of the command line or the environment the shell started in (--lang, VBP_LANG, LANG). */
    private final Lang startLang;
    /** {@code set timing on}: each command's wall time on stderr (what bench/shell.sh reads). */
    boolean timing;
    private final Path cwd;

    ShellSettings(Path workspace, Format format, Lang lang, Path cwd) {
        this(workspace, format, lang, lang == null ? Lang.EN : lang, cwd);
    }

    ShellSettings(Path workspace, Format format, Lang lang, Lang startLang, Path cwd) {
        this.workspace = workspace;
        this.format = format;
        this.lang = lang;
        this.startLang = startLang;
        this.cwd = cwd;
    }

    /** The language the shell's own lines are written in: {@code set lang}'s, else the one it started in. */
    Lang lang() {
        return lang != null ? lang : startLang;
    }

    /** The arguments that carry these settings to a command. */
    List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("--workspace", workspace.toString()));
        if (format != null) args.addAll(List.of("--format", format.name().toLowerCase(Locale.ROOT)));
        if (lang != null) args.addAll(List.of("--lang", lang.name().toLowerCase(Locale.ROOT)));
        return args;
    }

    /** {@code use DIR}: DIR's own .vbp/ when it has one, else DIR itself as the workspace directory. */
    Path resolveWorkspace(String dir) {
        Path p = cwd.resolve(dir).toAbsolutePath().normalize();
        if (Files.isDirectory(p.resolve(Workspace.DIR_NAME))) return p.resolve(Workspace.DIR_NAME);
        return p;
    }

    /** vbp(.vbp)>, vbp(../other/.vbp json zh)> */
    String prompt() {
        StringBuilder sb = new StringBuilder("vbp(").append(shortName(workspace));
        if (format != null && format != Format.TABLE) sb.append(' ').append(format.name().toLowerCase(Locale.ROOT));
        if (lang != null) sb.append(' ').append(lang.name().toLowerCase(Locale.ROOT));
        return sb.append(")> ").toString();
    }

    /** The workspace relative to the working directory when that is shorter. */
    private String shortName(Path ws) {
        String relative = cwd.toAbsolutePath().normalize().relativize(ws).toString();
        if (relative.isEmpty()) return ".";
        return relative.length() <= ws.toString().length() ? relative : ws.toString();
    }

    String describe() {
        String f = format == null ? "table" : format.name().toLowerCase(Locale.ROOT);
        if (lang() == Lang.ZH) {
            return "工作区 " + workspace + "，格式 " + f + "，语言 " + (lang == null ? "zh（来自区域设置）" : "zh");
        }
        return "workspace " + workspace + ", format " + f + ", lang " + (lang == null ? "(from the locale)" : lang.name().toLowerCase(Locale.ROOT));
    }
}
