using System.Text.RegularExpressions;
using OobWizard.Core.Tree;
using YamlDotNet.RepresentationModel;

namespace OobWizard.Core.Content;

/// <summary>
/// Reads the language-neutral tree from YAML files. Structural mistakes become
/// <see cref="ContentIssue"/>s with file:line; the loader never throws on bad content.
/// </summary>
public static partial class TreeLoader
{
    private static readonly string[] KnownKeys =
        ["id", "kind", "choices", "probe", "verdicts", "unresolved", "applies", "logs", "probes", "candidates"];

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex ChoiceIdPattern();

    public static List<Node> LoadFile(string displayName, string text, List<ContentIssue> issues)
    {
        var nodes = new List<Node>();
        var stream = YamlHelpers.TryParse(text, displayName, 0, issues);
        if (stream is null || stream.Documents.Count == 0)
        {
            return nodes;
        }

        if (stream.Documents[0].RootNode is not YamlSequenceNode seq)
        {
            issues.Add(Err(stream.Documents[0].RootNode.At(displayName), "a tree file must be a YAML sequence of nodes"));
            return nodes;
        }

        foreach (var item in seq.Children)
        {
            if (item is not YamlMappingNode map)
            {
                issues.Add(Err(item.At(displayName), "each node must be a mapping with id and kind"));
                continue;
            }

            var node = ReadNode(map, displayName, issues);
            if (node is not null)
            {
                nodes.Add(node);
            }
        }

        return nodes;
    }

    private static Node? ReadNode(YamlMappingNode map, string file, List<ContentIssue> issues)
    {
        var where = map.At(file);
        var id = map.Scalar("id");
        if (string.IsNullOrWhiteSpace(id))
        {
            issues.Add(Err(where, "node without id"));
            return null;
        }

        if (!IdPattern().IsMatch(id))
        {
            issues.Add(Err(where, $"node id '{id}' may only use a-z, 0-9, '.' and '-'"));
        }

        foreach (var key in map.Children.Keys.OfType<YamlScalarNode>())
        {
            if (!KnownKeys.Contains(key.Value))
            {
                issues.Add(Err(key.At(file), $"node {id}: unknown key '{key.Value}'"));
            }
        }

        var kindText = map.Scalar("kind");
        if (!Enum.TryParse<NodeKind>(kindText, ignoreCase: true, out var kind) || kindText is null || !kindText.All(char.IsLower))
        {
            issues.Add(Err(where, $"node {id}: kind must be one of start, question, probe, diagnosis, end (got '{kindText}')"));
            return null;
        }

        var choices = ReadChoices(map, id, file, issues);
        var verdicts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map.Child("verdicts") is { } vnode)
        {
            if (vnode is YamlMappingNode vmap)
            {
                foreach (var (k, v) in vmap.Children)
                {
                    if (k is YamlScalarNode ks && v is YamlScalarNode vs && ks.Value is { } key && vs.Value is { } val)
                    {
                        verdicts[key] = val;
                    }
                    else
                    {
                        issues.Add(Err(k.At(file), $"node {id}: verdicts must map a verdict name to a node id"));
                    }
                }
            }
            else
            {
                issues.Add(Err(vnode.At(file), $"node {id}: verdicts must be a mapping"));
            }
        }

        var unresolved = map.Scalar("unresolved");
        if (kind == NodeKind.Diagnosis)
        {
            // fixed/not-fixed are the diagnosis's own verification answers; an authored one would shadow them.
            foreach (var c in choices.Where(c => c.Id is Node.FixedChoice or Node.NotFixedChoice))
            {
                issues.Add(Err(c.Source, $"node {id}: '{c.Id}' is the verification answer every diagnosis has; it cannot be redefined"));
            }

            choices.RemoveAll(c => c.Id is Node.FixedChoice or Node.NotFixedChoice);
            choices.Add(new Choice(Node.FixedChoice, Node.ResolvedId, [], where, Synthetic: true));
            choices.Add(new Choice(Node.NotFixedChoice, unresolved ?? Node.EscalateId, [], where, Synthetic: true));
        }

        return new Node(
            id,
            kind,
            choices,
            map.Scalar("probe"),
            verdicts,
            unresolved,
            ReadStrings(map, "applies", id, file, issues),
            ReadLogs(map, id, file, issues),
            ReadStrings(map, "probes", id, file, issues),
            where)
        {
            Candidates = ReadStrings(map, "candidates", id, file, issues),
        };
    }

    private static List<Choice> ReadChoices(YamlMappingNode map, string id, string file, List<ContentIssue> issues)
    {
        var list = new List<Choice>();
        if (map.Child("choices") is not { } cnode)
        {
            return list;
        }

        if (cnode is not YamlSequenceNode seq)
        {
            issues.Add(Err(cnode.At(file), $"node {id}: choices must be a list"));
            return list;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in seq.Children)
        {
            if (list.Count == ContentLimits.MaxChoicesPerNode)
            {
                issues.Add(Err(cnode.At(file), $"node {id}: {seq.Children.Count} choices; a node may have at most {ContentLimits.MaxChoicesPerNode} (the rest were not read)"));
                break;
            }

            if (item is not YamlMappingNode cm || cm.Scalar("id") is not { } cid || cm.Scalar("next") is not { } next)
            {
                issues.Add(Err(item.At(file), $"node {id}: each choice needs id and next"));
                continue;
            }

            if (!ChoiceIdPattern().IsMatch(cid))
            {
                issues.Add(Err(item.At(file), $"node {id}: choice id '{cid}' may only use a-z, 0-9 and '-'"));
            }

            if (!ids.Add(cid))
            {
                issues.Add(Err(item.At(file), $"node {id}: choice '{cid}' appears twice"));
                continue;
            }

            list.Add(new Choice(cid, next, ReadStrings(cm, "requires", id, file, issues), item.At(file)));
        }

        return list;
    }

    private static List<string> ReadStrings(YamlMappingNode map, string key, string id, string file, List<ContentIssue> issues)
    {
        if (map.Child(key) is not { } n)
        {
            return [];
        }

        if (n is YamlSequenceNode seq)
        {
            return seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList();
        }

        issues.Add(Err(n.At(file), $"node {id}: {key} must be a list"));
        return [];
    }

    private static List<LogSignature> ReadLogs(YamlMappingNode map, string id, string file, List<ContentIssue> issues)
    {
        var list = new List<LogSignature>();
        if (map.Child("logs") is not { } n)
        {
            return list;
        }

        if (n is not YamlSequenceNode seq)
        {
            issues.Add(Err(n.At(file), $"node {id}: logs must be a list of {{file, text}}"));
            return list;
        }

        foreach (var item in seq.Children)
        {
            if (item is YamlMappingNode m && m.Scalar("file") is { Length: > 0 } f && m.Scalar("text") is { Length: > 0 } t)
            {
                foreach (var key in m.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value is not ("file" or "text" or "supporting" or "with")))
                {
                    issues.Add(Err(key.At(file), $"node {id}: unknown key '{key.Value}' in a log signature (file, text, supporting, with)"));
                }

                var supporting = m.Scalar("supporting");
                if (supporting is not (null or "true" or "false"))
                {
                    issues.Add(Err(item.At(file), $"node {id}: 'supporting' must be true or false"));
                }

                list.Add(new LogSignature(f, t) { Supporting = supporting == "true", With = ReadStrings(m, "with", id, file, issues) });
            }
            else
            {
                issues.Add(Err(item.At(file), $"node {id}: each log signature needs file and text"));
            }
        }

        return list;
    }

    private static ContentIssue Err(SourceLocation where, string message) => new(IssueSeverity.Error, where, message);
}
