using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Avrr.Analytics.Benchmarks.Samples).Assembly).Run(args);
