package dev.vbp.cli.commands;

import dev.vbp.cli.BaseCommand;
import dev.vbp.cli.ExitCodes;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "completion",
        description = {"Print a shell completion script generated from the command model.",
                "bash: source <(vbp completion bash)    zsh: source <(vbp completion zsh)"},
        footerHeading = "%nExample:%n",
        footer = "  vbp completion bash > /etc/bash_completion.d/vbp")
public class CompletionCommand extends BaseCommand {
    public enum Shell { BASH, ZSH }

    @Parameters(index = "0", paramLabel = "SHELL", descriptionKey = "completion.shell", description = "bash or zsh.")
    Shell shell;

    @Override
    protected int execute() {
        ctx().out().print(script(spec.root().commandLine(), shell));
        ctx().out().flush();
        return ExitCodes.OK;
    }

    /** The script; lines end with \n on every platform, since a CR breaks bash. */
    public static String script(CommandLine root, Shell shell) {
        String bash = AutoComplete.bash("vbp", root).replace("\r\n", "\n");
        if (shell == Shell.BASH) return bash;
        // picocli's script runs in zsh through bashcompinit.
        return "#compdef vbp\n# zsh completion for vbp (the bash script, run through bashcompinit)\n"
                + "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n\n" + bash;
    }
}
