using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

// The smallest full-screen Terminal.Gui program: one window with one line of text; Esc leaves.
using var app = Application.Create();
app.Init();
using var window = new Window { Title = "Hello", Width = Dim.Fill(), Height = Dim.Fill() };
window.Add(new Label { Text = "Hello from Terminal.Gui", X = 1, Y = 1 });
app.Run(window);
