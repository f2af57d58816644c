using System.Reflection;
using NumNet.Hostile;

// Usage: NumNet.Hostile <scenario> [arguments...]; exit 0 = NumNet behaved, 1 = it did not, 2 = usage.
var scenarios = typeof(ScenarioAttribute).Assembly.GetTypes()
    .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
    .Select(m => (Method: m, Attribute: m.GetCustomAttribute<ScenarioAttribute>()))
    .Where(p => p.Attribute is not null)
    .ToDictionary(p => p.Attribute!.Name, p => p.Method, StringComparer.Ordinal);

if (args.Length == 0 || !scenarios.TryGetValue(args[0], out var method))
{
    Console.Error.WriteLine("usage: NumNet.Hostile <scenario> [arguments...]; scenarios: " + string.Join(", ", scenarios.Keys.Order()));
    return 2;
}

try
{
    object?[] parameters = method.GetParameters().Length == 0 ? [] : [args[1..]];
    method.Invoke(null, parameters);
    Console.WriteLine("ok " + args[0]);
    return 0;
}
catch (TargetInvocationException e) when (e.InnerException is not null)
{
    Console.Error.WriteLine("FAILED " + args[0] + ": " + e.InnerException);
    return 1;
}
