using Spectre.Console;

// The smallest Spectre.Console program worth comparing against: one styled line, then exit.
AnsiConsole.MarkupLine("[bold]Hello[/] from Spectre.Console");
