using System.Reflection;
using NumNet.Hostile;
using NumNet.Python;
using NumNet.Python.Hostile;
using Python.Runtime;

// Usage: NumNet.Python.Hostile <scenario> [arguments...]
// Exit 0 = passed, 1 = failed, 2 = usage, 3 = skipped (no Python or NumPy here; the reason is printed).
var scenarios = typeof(Interpreter).Assembly.GetTypes()
    .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
    .Select(m => (Method: m, Attribute: m.GetCustomAttribute<ScenarioAttribute>()))
    .Where(p => p.Attribute is not null)
    .ToDictionary(p => p.Attribute!.Name, p => p.Method, StringComparer.Ordinal);

if (args.Length == 0 || !scenarios.TryGetValue(args[0], out var method))
{
    Console.Error.WriteLine("usage: NumNet.Python.Hostile <scenario> [arguments...]; scenarios: " + string.Join(", ", scenarios.Keys.Order()));
    return 2;
}
if (Interpreter.Start() is { } skipped)
{
    Console.WriteLine("skipped: " + skipped);
    return 3;
}
int code;
try
{
    using (Py.GIL())
        method.Invoke(null, method.GetParameters().Length == 0 ? [] : [args[1..]]);
    Console.WriteLine("ok " + args[0]);
    code = 0;
}
catch (TargetInvocationException e) when (e.InnerException is not null)
{
    Console.Error.WriteLine("FAILED " + args[0] + ": " + e.InnerException);
    code = 1;
}
// pythonnet 3.2.1's exit handlers can wait forever for an interpreter that is still initialised; the scenario's
// verdict is already printed, so the process ends at once.
Interpreter.Exit(code);
return code;
