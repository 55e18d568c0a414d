using System.Reflection;
using System.Reflection.Emit;

namespace CurationPipeline.Testing;

/// <summary>
/// Which namespace uses which, read by reflection from compiled assemblies: every type's base type, interfaces,
/// fields, properties, events, method and constructor signatures, attributes, and the types, methods and fields
/// its method bodies name (IL operands). Nested and compiler-generated types (lambdas, async state machines)
/// count for the namespace of the type they are declared in.
/// </summary>
public sealed class NamespaceGraph
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private readonly Dictionary<string, Dictionary<string, string>> _edges = new(StringComparer.Ordinal);
    private readonly string _prefix;
    private readonly Func<string, string> _node;

    private NamespaceGraph(string prefix, Func<string, string> node) => (_prefix, _node) = (prefix, node);

    /// <summary>
    /// Namespaces of the given assemblies that start with <paramref name="prefix"/>, and what each uses.
    /// <paramref name="node"/> maps a namespace to the node it counts for (e.g. every namespace of one assembly to
    /// that assembly's root); by default each namespace is its own node.
    /// </summary>
    public static NamespaceGraph Of(string prefix, IEnumerable<Assembly> assemblies, Func<string, string>? node = null)
    {
        var graph = new NamespaceGraph(prefix, node ?? (n => n));
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
        {
            var from = graph.NodeOf(type);
            if (from is not null && from.StartsWith(prefix, StringComparison.Ordinal))
            {
                graph._edges.TryAdd(from, new Dictionary<string, string>(StringComparer.Ordinal));
                foreach (var used in graph.Uses(type))
                {
                    graph.Add(from, used, type);
                }
            }
        }

        return graph;
    }

    /// <summary>Every namespace found.</summary>
    public IReadOnlyCollection<string> Namespaces => _edges.Keys;

    /// <summary>The namespaces <paramref name="ns"/> uses (itself excluded).</summary>
    public IReadOnlyCollection<string> UsesOf(string ns) => _edges.TryGetValue(ns, out var to) ? to.Keys : [];

    /// <summary>One type of <paramref name="from"/> that uses <paramref name="to"/>, for messages.</summary>
    public string Witness(string from, string to) => _edges[from][to];

    /// <summary>Groups of namespaces that use each other (strongly connected components of more than one), each sorted.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<IReadOnlyList<string>>();
        var next = 0;

        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in UsesOf(v).Order(StringComparer.Ordinal))
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }

            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);

                if (component.Count > 1)
                {
                    cycles.Add([.. component.Order(StringComparer.Ordinal)]);
                }
            }
        }

        foreach (var v in _edges.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(v))
            {
                Visit(v);
            }
        }

        return cycles;
    }

    /// <summary>A readable account of a cycle: each edge inside it with one type that makes it.</summary>
    public string Describe(IReadOnlyList<string> cycle) =>
        string.Join("\n", from a in cycle
                          from b in cycle
                          where UsesOf(a).Contains(b)
                          select $"  {a} -> {b} (e.g. {Witness(a, b)})");

    private void Add(string from, Type? used, Type where)
    {
        foreach (var t in Expand(used))
        {
            var to = NodeOf(t);
            if (to is not null && to != from && to.StartsWith(_prefix, StringComparison.Ordinal))
            {
                _edges[from].TryAdd(to, where.FullName ?? where.Name);
                _edges.TryAdd(to, new Dictionary<string, string>(StringComparer.Ordinal));
            }
        }
    }

    /// <summary>A type with its element type and generic arguments, recursively.</summary>
    private static IEnumerable<Type> Expand(Type? type)
    {
        if (type is null)
        {
            yield break;
        }

        if (type.HasElementType)
        {
            foreach (var t in Expand(type.GetElementType()))
            {
                yield return t;
            }

            yield break;
        }

        if (type.IsGenericParameter)
        {
            yield break;
        }

        yield return type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var t in type.GetGenericArguments().SelectMany(Expand))
            {
                yield return t;
            }
        }
    }

    private string? NodeOf(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type.Namespace is { } ns ? _node(ns) : null;
    }

    private IEnumerable<Type?> Uses(Type type)
    {
        yield return type.BaseType;
        foreach (var i in type.GetInterfaces())
        {
            yield return i;
        }

        foreach (var a in type.CustomAttributes)
        {
            yield return a.AttributeType;
        }

        foreach (var f in type.GetFields(Everything))
        {
            yield return f.FieldType;
        }

        foreach (var p in type.GetProperties(Everything))
        {
            yield return p.PropertyType;
        }

        foreach (var e in type.GetEvents(Everything))
        {
            yield return e.EventHandlerType;
        }

        foreach (var m in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (m is MethodInfo mi)
            {
                yield return mi.ReturnType;
            }

            foreach (var p in m.GetParameters())
            {
                yield return p.ParameterType;
            }

            foreach (var a in m.CustomAttributes)
            {
                yield return a.AttributeType;
            }

            foreach (var t in BodyUses(m))
            {
                yield return t;
            }
        }
    }

    /// <summary>The types a method body names: locals, and the operands of its type, method, field and token instructions.</summary>
    private static IEnumerable<Type?> BodyUses(MethodBase method)
    {
        MethodBody? body;
        try
        {
            body = method.GetMethodBody();
        }
        catch (InvalidOperationException)
        {
            yield break;
        }

        if (body is null)
        {
            yield break;
        }

        foreach (var local in body.LocalVariables)
        {
            yield return local.LocalType;
        }

        var il = body.GetILAsByteArray() ?? [];
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            short value = il[i++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[i++]);
            }

            var op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineSwitch:
                    var count = BitConverter.ToInt32(il, i);
                    i += 4 + (4 * count);
                    break;
                case OperandType.InlineType or OperandType.InlineTok or OperandType.InlineMethod or OperandType.InlineField:
                    var token = BitConverter.ToInt32(il, i);
                    i += 4;
                    foreach (var t in Resolve(method.Module, token, typeArgs, methodArgs))
                    {
                        yield return t;
                    }

                    break;
                default:
                    i += 4;
                    break;
            }
        }
    }

    private static IEnumerable<Type?> Resolve(Module module, int token, Type[]? typeArgs, Type[]? methodArgs)
    {
        MemberInfo? member;
        try
        {
            member = module.ResolveMember(token, typeArgs, methodArgs);
        }
        catch (ArgumentException)
        {
            yield break;
        }

        switch (member)
        {
            case Type t:
                yield return t;
                break;
            case FieldInfo f:
                yield return f.DeclaringType;
                yield return f.FieldType;
                break;
            case MethodBase m:
                yield return m.DeclaringType;
                if (m is MethodInfo mi)
                {
                    yield return mi.ReturnType;
                    if (mi.IsGenericMethod)
                    {
                        foreach (var a in mi.GetGenericArguments())
                        {
                            yield return a;
                        }
                    }
                }

                foreach (var p in m.GetParameters())
                {
                    yield return p.ParameterType;
                }

                break;
        }
    }
}
