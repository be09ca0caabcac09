using System.Net;
using Markdig;

namespace OobWizard.Core.Export;

/// <summary>One printable HTML page around exported Markdown (checklists, reports).</summary>
public static class HtmlPage
{
    // The content's dialect plus task lists, so "- [ ]" prints as a box to tick.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAlertBlocks()
        .UseTaskLists()
        .UseGenericAttributes()
        .Build();

    public static string FromMarkdown(string language, string title, string markdown)
    {
        string body;
        try
        {
            body = Markdown.ToHtml(markdown, Pipeline);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // Nested beyond Markdig's depth limit (content lint names the page): show the text as it is.
            body = "<pre>" + WebUtility.HtmlEncode(markdown) + "</pre>";
        }

        return $$"""
            <!DOCTYPE html>
            <html lang="{{WebUtility.HtmlEncode(language)}}">
            <head>
            <meta charset="utf-8">
            <title>{{WebUtility.HtmlEncode(title)}}</title>
            <style>
            body { font-family: sans-serif, "Noto Sans CJK JP", "Yu Gothic", Meiryo; max-width: 50em; margin: 2em auto; line-height: 1.4; }
            pre, code { background: #f4f4f4; } pre { padding: .5em; overflow-x: auto; }
            table { border-collapse: collapse; } td, th { border: 1px solid #999; padding: .2em .5em; vertical-align: top; }
            h2 { border-top: 1px solid #ccc; padding-top: .5em; page-break-after: avoid; }
            ul.contains-task-list { list-style: none; }
            </style>
            </head>
            <body>
            {{body}}
            </body>
            </html>

            """;
    }
}
