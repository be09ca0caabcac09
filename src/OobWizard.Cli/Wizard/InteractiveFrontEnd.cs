using OobWizard.Cli.Rendering;
using OobWizard.Core.Content;
using OobWizard.Core.Engine;
using OobWizard.Core.Tree;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OobWizard.Cli.Wizard;

/// <summary>
/// The full-screen wizard: header with breadcrumb, the guidance (scrollable when it is taller than
/// the terminal), an arrow-key menu, and keys for back, restart, language, notes, help and quit.
/// Every step is saved before the next key is read.
/// </summary>
public sealed class InteractiveFrontEnd(WizardController ctl, IAnsiConsole console)
{
    private int _selected;
    private int _scroll;
    private bool _help;
    private string? _message;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var autoProbe = true;
        while (!ct.IsCancellationRequested)
        {
            if (autoProbe && ctl.CanProbe)
            {
                var before = ctl.Current.Id;
                var page = new PageBuilder(ctl, console.Profile.Capabilities.Unicode);
                var context = ctl.CreateProbeContext();
                await console.Status().StartAsync(page.Ui("probe.running", ctl.Current.Probe), _ => ctl.RunProbeAsync(context, ct)).ConfigureAwait(false);
                while (ctl.PasswordRefused)
                {
                    // AMT refused the password: offer it again (no echo); empty goes on without it.
                    console.Clear();
                    console.WriteLine(page.Ui("password.refused", ctl.RefusedUser));
                    var again = console.Prompt(new TextPrompt<string>(Markup.Escape(page.Ui("password.reenter"))).Secret().AllowEmpty());
                    if (string.IsNullOrEmpty(again))
                    {
                        ctl.DeclinePasswordRetry();
                        break;
                    }

                    await console.Status().StartAsync(page.Ui("probe.running", ctl.Current.Probe), _ => ctl.RetryWithPasswordAsync(again, ct)).ConfigureAwait(false);
                }

                autoProbe = ctl.Current.Id != before;
                ResetView();
                _message = ctl.AutomaticMoveRefused;
                TakeSaveWarning();
                continue;
            }

            var action = ReadAction();
            TakeSaveWarning();
            switch (action)
            {
                case UiAction.Quit:
                    return Leave();
                case UiAction.SaveAs:
                    console.Clear();
                    var target = console.Prompt(new TextPrompt<string>(Markup.Escape(ctl.Content.Ui(ctl.Language, "save.prompt"))).AllowEmpty());
                    if (!string.IsNullOrWhiteSpace(target))
                    {
                        _message = ctl.SaveAs(target.Trim()) ?? ctl.Content.UiFormat(ctl.Language, "save.done", ctl.SessionPath);
                    }

                    autoProbe = false;
                    break;
                case UiAction.Moved:
                    autoProbe = true;
                    ResetView();
                    break;
                case UiAction.Back:
                    autoProbe = false;
                    ResetView();
                    break;
                case UiAction.ProbeAgain:
                    autoProbe = true;
                    break;
                case UiAction.Note:
                    console.Clear();
                    var note = console.Prompt(new TextPrompt<string>(Markup.Escape(ctl.Content.Ui(ctl.Language, "note.prompt"))).AllowEmpty());
                    if (!string.IsNullOrWhiteSpace(note))
                    {
                        ctl.AddNote(note);
                        _message = ctl.Content.Ui(ctl.Language, "note.saved");
                    }

                    autoProbe = false;
                    break;
                case UiAction.End:
                    return 0;
            }
        }

        ctl.Save();
        return 0;
    }

    /// <summary>A step that could not be saved: the footer says so (once), with the key that saves elsewhere.</summary>
    private void TakeSaveWarning()
    {
        // The footer is one line: the way out first, then the OS's reason (the full sentence is shown when leaving).
        if (ctl.TakeSaveWarning() is not null)
        {
            _message = ctl.Content.UiFormat(ctl.Language, "save.failed.keys", ctl.NotSavedDetail);
        }
    }

    /// <summary>Saves and leaves; when the file cannot be written, asks for another one (Enter alone leaves unsaved, exit 1).</summary>
    private int Leave()
    {
        console.Clear();
        if (ctl.Save())
        {
            console.WriteLine(ctl.Content.UiFormat(ctl.Language, "session.saved", ctl.SessionPath));
            return 0;
        }

        console.WriteLine(ctl.NotSavedReason ?? "");
        if (ctl.ReadOnly)
        {
            return 0;
        }

        while (true)
        {
            var target = console.Prompt(new TextPrompt<string>(Markup.Escape(ctl.Content.Ui(ctl.Language, "quit.prompt"))).AllowEmpty());
            if (string.IsNullOrWhiteSpace(target))
            {
                return 1;
            }

            if (ctl.SaveAs(target.Trim()) is { } refusal)
            {
                console.WriteLine(refusal);
                continue;
            }

            console.WriteLine(ctl.Content.UiFormat(ctl.Language, "session.saved", ctl.SessionPath));
            return 0;
        }
    }

    private void ResetView()
    {
        _selected = 0;
        _scroll = 0;
        _help = false;
    }

    private enum UiAction
    {
        Moved,
        Back,
        ProbeAgain,
        Note,
        SaveAs,
        Quit,
        End,
    }

    /// <summary>Draws the screen and handles keys until one of them leaves this node (or quits).</summary>
    private UiAction ReadAction()
    {
        UiAction? result = null;
        console.Clear();
        console.Live(Screen()).AutoClear(false).Overflow(VerticalOverflow.Crop).Start(live =>
        {
            while (result is null)
            {
                live.UpdateTarget(Screen());
                live.Refresh();
                var key = console.Input.ReadKey(intercept: true);
                if (key is null)
                {
                    result = UiAction.Quit;
                    break;
                }

                result = Handle(key.Value);
            }
        });
        return result!.Value;
    }

    private UiAction? Handle(ConsoleKeyInfo key)
    {
        if ((key.Modifiers & ConsoleModifiers.Control) != 0 && key.Key is ConsoleKey.C or ConsoleKey.D)
        {
            return UiAction.Quit;
        }

        var choices = ctl.Choices;
        var menu = MenuItems(choices);
        _message = null;
        switch (key.Key)
        {
            case ConsoleKey.UpArrow or ConsoleKey.K when menu.Count > 0:
                _selected = (_selected - 1 + menu.Count) % menu.Count;
                return null;
            case ConsoleKey.DownArrow or ConsoleKey.J when menu.Count > 0:
                _selected = (_selected + 1) % menu.Count;
                return null;
            case ConsoleKey.PageDown or ConsoleKey.Spacebar:
                _scroll += Math.Max(1, BodyHeight() - 2);
                return null;
            case ConsoleKey.PageUp:
                _scroll = Math.Max(0, _scroll - Math.Max(1, BodyHeight() - 2));
                return null;
            case ConsoleKey.Enter when menu.Count > 0:
                return Choose(menu[Math.Clamp(_selected, 0, menu.Count - 1)]);
            case ConsoleKey.Enter when ctl.AtEnd:
                return UiAction.End;
            case ConsoleKey.LeftArrow or ConsoleKey.Backspace or ConsoleKey.B:
                var refusal = ctl.Fire(Trigger.Back);
                _message = refusal;
                return refusal is null ? UiAction.Back : null;
            case ConsoleKey.R:
                ctl.Fire(Trigger.Restart);
                return UiAction.Moved;
            case ConsoleKey.L:
                var langs = Languages.All;
                ctl.SetLanguage(langs[(langs.ToList().IndexOf(ctl.Language) + 1) % langs.Count]);
                return null;
            case ConsoleKey.N:
                return UiAction.Note;
            case ConsoleKey.S:
                return UiAction.SaveAs;
            case ConsoleKey.P when ctl.CanProbe:
                return UiAction.ProbeAgain;
            case ConsoleKey.Q or ConsoleKey.Escape:
                return UiAction.Quit;
            case ConsoleKey.H:
                _help = !_help;
                return null;
        }

        if (key.KeyChar == '?')
        {
            _help = !_help;
            return null;
        }

        if (key.KeyChar is >= '1' and <= '9' && key.KeyChar - '1' < menu.Count)
        {
            _selected = key.KeyChar - '1';
            return Choose(menu[_selected]);
        }

        return null;
    }

    private UiAction? Choose(Choice? choice)
    {
        if (choice is null)
        {
            return ctl.AtEnd ? UiAction.End : null;
        }

        var refusal = ctl.Fire(Trigger.Choose(choice.Id));
        _message = refusal;
        return refusal is null ? UiAction.Moved : null;
    }

    private List<Choice?> MenuItems(IReadOnlyList<Choice> choices)
    {
        var items = choices.Cast<Choice?>().ToList();
        if (ctl.AtEnd)
        {
            items.Add(null); // "Quit" at an end node
        }

        return items;
    }

    private int Width => Math.Max(20, console.Profile.Width);

    private int Height => Math.Max(10, console.Profile.Height);

    // Long answers wrap under their own text, so the menu can take more lines than it has answers.
    private int MenuHeight(PageBuilder page) =>
        LinesRenderable.Layout(Menu(page), RenderOptions.Create(console, console.Profile.Capabilities), Width).Count;

    // Screen: header (1) + rule (1) + body + rule (1) + menu + footer (1), and one spare line so the
    // terminal never scrolls when the cursor ends below the footer.
    private int BodyHeight() => Math.Max(MinBody, Height - 4 - MenuHeight(new PageBuilder(ctl, console.Profile.Capabilities.Unicode)) - 1);

    private const int MinBody = 3;

    // On a small terminal the menu gets what is left after the smallest body, and scrolls with the selection.
    private int MaxMenuLines => Math.Max(3, Height - 4 - MinBody - 1);

    private IRenderable Menu(PageBuilder page)
    {
        var menu = MenuItems(ctl.Choices);
        _selected = Math.Clamp(_selected, 0, Math.Max(0, menu.Count - 1));
        var options = RenderOptions.Create(console, console.Profile.Capabilities);
        var rows = Enumerable.Range(0, menu.Count).Select(i => MenuRow(page, menu, i)).ToList();
        var heights = rows.Select(r => LinesRenderable.Layout(r, options, Width).Count).ToList();
        if (heights.Sum() <= MaxMenuLines)
        {
            return new Rows(rows);
        }

        // Grow a window around the selection, keeping two lines for the "more" marks.
        int first = _selected, last = _selected, used = heights[_selected];
        var budget = MaxMenuLines - 2;
        while (true)
        {
            var grew = false;
            if (last + 1 < rows.Count && used + heights[last + 1] <= budget)
            {
                used += heights[++last];
                grew = true;
            }

            if (first > 0 && used + heights[first - 1] <= budget)
            {
                used += heights[--first];
                grew = true;
            }

            if (!grew)
            {
                break;
            }
        }

        var grey = new Style(Color.Grey);
        var up = console.Profile.Capabilities.Unicode ? "  ↑ " : "  ^ ";
        var down = console.Profile.Capabilities.Unicode ? "  ↓ " : "  v ";
        var items = new List<IRenderable> { new Text(first > 0 ? up + first : "", grey) };
        items.AddRange(rows.Skip(first).Take(last - first + 1));
        items.Add(new Text(last < rows.Count - 1 ? down + (rows.Count - 1 - last) : "", grey));
        return new Rows(items);
    }

    private Grid MenuRow(PageBuilder page, List<Choice?> menu, int i)
    {
        var unicode = console.Profile.Capabilities.Unicode;
        var grid = new Grid();
        grid.AddColumn(new GridColumn().NoWrap().PadRight(0));
        grid.AddColumn(new GridColumn().PadRight(0));
        var label = menu[i] is { } c ? page.ChoiceLabel(c) : page.Ui("menu.quit");
        var selected = i == _selected;
        var marker = new Paragraph();
        marker.Append(selected ? (unicode ? "❯ " : "> ") : "  ", new Style(Color.Green, decoration: Decoration.Bold));
        marker.Append($"{i + 1}. ".PadLeft(menu.Count > 9 ? 4 : 3), new Style(Color.Grey));
        var text = CjkText.Append(new Paragraph(), label, selected ? new Style(Color.Green, decoration: Decoration.Bold) : Style.Plain);
        grid.AddRow(marker, text);
        return grid;
    }

    internal IRenderable Screen()
    {
        var page = new PageBuilder(ctl, console.Profile.Capabilities.Unicode);
        var width = Width;
        var options = RenderOptions.Create(console, console.Profile.Capabilities);
        var header = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn(new GridColumn().NoWrap().RightAligned());
        var status = $"[{ctl.Language}]" + (ctl.Session.Target is { } t ? " " + t : "") + (ctl.Session.Offline ? " " + page.Ui("status.offline") : "");
        header.AddRow(new Text(page.Breadcrumb(Math.Max(10, width - PageBuilder.Cell(status) - 2)), new Style(Color.Aqua)), new Text(status, new Style(Color.Grey)));

        IRenderable bodyRenderable = _help ? new Text(page.Ui("help.keys")) : page.Body();
        var lines = LinesRenderable.Layout(bodyRenderable, options, width);
        var bodyHeight = BodyHeight();
        var more = lines.Count > bodyHeight;
        var visible = more ? bodyHeight - 1 : bodyHeight;
        _scroll = Math.Clamp(_scroll, 0, Math.Max(0, lines.Count - visible));
        var window = lines.Skip(_scroll).Take(visible).ToList();

        var items = new List<IRenderable>
        {
            header,
            new Rule { Style = new Style(Color.Grey) },
            new LinesRenderable(window),
        };
        if (more)
        {
            var shownTo = Math.Min(lines.Count, _scroll + visible);
            items.Add(new Text(PageBuilder.Fit(page.Ui("scroll.more", _scroll + 1, shownTo, lines.Count), width), new Style(Color.Yellow)));
        }

        for (var i = window.Count + (more ? 1 : 0); i < bodyHeight; i++)
        {
            items.Add(new Text(""));
        }

        items.Add(new Rule { Style = new Style(Color.Grey) });
        items.Add(Menu(page));
        // One line, always: a wrapped footer would push the menu off a 24-line screen.
        items.Add(new Text(PageBuilder.Fit(_message ?? page.Ui(ctl.CanProbe ? "keys.probe" : "keys"), width), new Style(_message is null ? Color.Grey : Color.Yellow)));
        return new Rows(items);
    }
}
