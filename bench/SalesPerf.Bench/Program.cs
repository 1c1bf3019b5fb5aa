using SalesPerf.Bench;

// dotnet run -c Release --project bench/SalesPerf.Bench -- [transitions [--deals N] | sweep | load [--deals N] [--requests N] [--only deals,team,dashboard,studio] | reports [--documents N]]
var deals = args.SkipWhile(a => a != "--deals").Skip(1).Select(int.Parse).FirstOrDefault(1000);
var what = args.FirstOrDefault(a => !a.StartsWith("--") && !int.TryParse(a, out _)) ?? "transitions";
switch (what)
{
    case "sweep":
        await SweepBenchmark.RunAsync([10_000, 100_000]);
        break;
    case "load":
        var requests = args.SkipWhile(a => a != "--requests").Skip(1).Select(int.Parse).FirstOrDefault(100);
        var only = args.SkipWhile(a => a != "--only").Skip(1).Take(1).SelectMany(a => a.Split(',')).ToList();
        await LoadBenchmark.RunAsync(args.Contains("--deals") ? deals : 10_000, requests, warmupPerLoop: 10, only);
        break;
    case "reports":
        ReportBenchmark.Run(args.SkipWhile(a => a != "--documents").Skip(1).Select(int.Parse).FirstOrDefault(300));
        break;
    case "transitions":
        await TransitionBenchmark.RunAsync(deals);
        break;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{what}'. Available: transitions, sweep, load, reports");
        return 2;
}
return 0;
