#:project ../../src/QualityGates.Core/QualityGates.Core.csproj
#:property TreatWarningsAsErrors=false
#:property NoWarn=$(NoWarn);NU1603;MSB3277
// Renders a report with ReportCommand.Run (the same entry as 'qualitygate report') and prints its own time.
// Usage: dotnet run build/bench/report-render.cs -- RESULT_JSON OUTPUT_DIR [HISTORY]
using System;
using System.Diagnostics;
using System.IO;
using QualityGates.Core.Reports;

var sw = Stopwatch.StartNew();
var code = ReportCommand.Run(args[0], args.Length > 2 ? args[2] : null, args[1], Console.Out);
Console.WriteLine($"render_ms={sw.ElapsedMilliseconds}");
sw.Restart();
code = ReportCommand.Run(args[0], args.Length > 2 ? args[2] : null, args[1], TextWriter.Null);
Console.WriteLine($"render_warm_ms={sw.ElapsedMilliseconds}");
return code;
