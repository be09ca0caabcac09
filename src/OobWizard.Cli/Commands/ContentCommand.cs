using System.CommandLine;
using OobWizard.Core.Content;
using OobWizard.Core.Files;

namespace OobWizard.Cli.Commands;

/// <summary>
/// `oobwizard content export [DIR] [--force]`: writes the content built into the executable to a
/// folder to edit (default: the per-user override folder, which then replaces the built-in content;
/// `oobwizard help content`). Exit 0, 1 when a file cannot be written, 2 for a folder in the way.
/// </summary>
public static class ContentCommand
{
    public static Command Create(CliHost host)
    {
        var content = new Command("content", "Work with the content: export the built-in content to edit it");
        var dir = new Argument<string?>("dir") { Description = "Folder to write to (default: the per-user content folder, which overrides the built-in content)", Arity = ArgumentArity.ZeroOrOne };
        var force = new Option<bool>("--force") { Description = "Write into a folder that is not empty (replacing files of the same name)" };
        var export = new Command("export", "Write the built-in content to a folder to edit") { dir, force };
        export.SetAction(parse =>
        {
            var target = parse.GetValue(dir) ?? ContentLocator.UserFolder(host.Env);
            if (target is null)
            {
                return host.Fail(CliText.ExportNoHome);
            }

            if (FileKinds.Of(target).Kind is not (FileKind.Missing or FileKind.Directory))
            {
                return host.Fail(string.Format(CliText.ExportNotFolder, target));
            }

            if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !parse.GetValue(force))
            {
                return host.Fail(string.Format(CliText.ExportExists, target));
            }

            var source = EmbeddedContent.Source;
            try
            {
                foreach (var file in source.AllFiles)
                {
                    var to = Path.Combine(target, file.Replace('/', Path.DirectorySeparatorChar));
                    Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                    AtomicFile.WriteAllBytes(to, source.ReadAllBytes(file, ContentLimits.TreeFile), ExistingFile.Replace);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FileWriteRefusedException)
            {
                return host.Fail(string.Format(CliText.ExportFailed, target, Localization.ErrorText.WriteFailure(ex)), 1);
            }

            host.Out.WriteLine(string.Format(CliText.ExportDone, source.AllFiles.Count, target));
            return 0;
        });
        content.Subcommands.Add(export);
        return content;
    }
}
