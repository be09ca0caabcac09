namespace OobWizard.Cli.Install;

/// <summary>
/// Shell completion through System.CommandLine's <c>[suggest:POSITION]</c> directive:
/// <c>oobwizard "[suggest:13]" "oobwizard che"</c> prints the completions for the line up to the
/// cursor, one per line (commands, options, option values, help topics). Each script asks the
/// executable the user typed, so no helper tool (dotnet-suggest) is needed.
/// </summary>
public static class CompletionScripts
{
    public static IReadOnlyList<string> Shells { get; } = ["bash", "zsh", "pwsh"];

    public static string For(string shell) => shell switch
    {
        "bash" => Bash,
        "zsh" => Zsh,
        "pwsh" => Pwsh,
        _ => throw new ArgumentOutOfRangeException(nameof(shell), shell, "bash, zsh or pwsh"),
    };

    /// <summary>bash: <c>source &lt;(oobwizard completion bash)</c>, for example in ~/.bashrc.</summary>
    public const string Bash = """
        # oobwizard completion for bash: source <(oobwizard completion bash)
        _oobwizard_complete() {
            local line="${COMP_LINE:0:COMP_POINT}" IFS=$'\n'
            local cur="${COMP_WORDS[COMP_CWORD]}"
            COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" "[suggest:${#line}]" "$line" 2>/dev/null)" -- "$cur"))
        }
        complete -o default -F _oobwizard_complete oobwizard

        """;

    /// <summary>zsh: <c>source &lt;(oobwizard completion zsh)</c> in ~/.zshrc (after compinit).</summary>
    public const string Zsh = """
        # oobwizard completion for zsh: source <(oobwizard completion zsh)   (after compinit)
        _oobwizard() {
            local line="${(j: :)words[1,CURRENT]}"
            local -a items
            items=("${(@f)$("${words[1]}" "[suggest:${#line}]" "$line" 2>/dev/null)}")
            compadd -a items
        }
        compdef _oobwizard oobwizard

        """;

    /// <summary>PowerShell: <c>oobwizard completion pwsh | Out-String | Invoke-Expression</c>, for example in $PROFILE.</summary>
    public const string Pwsh = """
        # oobwizard completion for PowerShell: oobwizard completion pwsh | Out-String | Invoke-Expression
        Register-ArgumentCompleter -Native -CommandName oobwizard -ScriptBlock {
            param($wordToComplete, $commandAst, $cursorPosition)
            $line = $commandAst.ToString()
            $position = $cursorPosition - $commandAst.Extent.StartOffset
            if ($position -gt $line.Length) { $line = $line + ' '; $position = $line.Length }
            $exe = $commandAst.CommandElements[0].ToString()
            & $exe "[suggest:$position]" $line 2>$null | ForEach-Object {
                [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
            }
        }

        """;
}
