using Lotse;
using Lotse.Cli;

var builder = WebApplication.CreateBuilder(args);
builder.AddLotse();

var app = builder.Build();
app.UseLotse();

if (LotseCli.IsCommand(args))
{
    return await LotseCli.RunAsync(app.Services, args, Console.Out);
}

await app.PrepareDatabaseAsync();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
