using Attribute = Terminal.Gui.Drawing.Attribute;

namespace OobWizard.Cli.Tui;

/// <summary>A piece of a one-line view: text, how it looks, and what a click on it does (if anything).</summary>
public sealed record LineSegment(string Text, Attribute Attribute, Action? OnClick = null);
