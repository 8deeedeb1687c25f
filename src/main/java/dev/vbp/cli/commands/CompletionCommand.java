package dev.vbp.cli.commands;

import dev.vbp.cli.BaseCommand;
import dev.vbp.cli.ExitCodes;
import dev.vbp.cli.LowercaseEnums;
import dev.vbp.cli.VbpCli;
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
        // A model of its own: script() rewrites the options it completes.
        ctx().out().print(script(VbpCli.create(ctx()), shell));
        ctx().out().flush();
        return ExitCodes.OK;
    }

    /**
     * The script; lines end with \n on every platform, since a CR breaks bash. Rewrites {@code model}'s enum
     * options to complete in lowercase, so pass a model that will not run a command.
     */
    public static String script(CommandLine model, Shell shell) {
        String bash = AutoComplete.bash("vbp", LowercaseEnums.forCompletion(model)).replace("\r\n", "\n");
        if (shell == Shell.BASH) return bash;
        // picocli's script runs in zsh through bashcompinit.
        return "#compdef vbp\n# zsh completion for vbp (the bash script, run through bashcompinit)\n"
                + "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n\n" + bash;
    }
}
