using CurationPipeline.Cli;

var (console, errors) = Consoles.FromProcess();
return await CurateApp.InvokeAsync(args, console, errors);
