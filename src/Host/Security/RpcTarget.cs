using System.Linq.Expressions;
using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Google.Protobuf.Reflection;

namespace Chuangji.Workflow.Host.Security;

/// <summary>
/// Where the target stands in the request, as read by <see cref="RpcAuthorizer"/>: built only by <see cref="Target"/>
/// from typed selectors on the generated request (a misnamed field does not compile). <see cref="Path"/> and
/// <see cref="Second"/> are the selected fields' proto names ("fact.staff_number"; for rows, the repeated field
/// and the field of each row; for <see cref="TargetKind.MemberOrBranch"/>, the member field and the branch field),
/// derived from the selectors for readers and tests; nothing reads the request by them.
/// </summary>
internal sealed record RpcTarget(TargetKind Kind, Type? Request, string Path = "", string Second = "")
{
    public static readonly RpcTarget None = new(TargetKind.None, null);

    /// <summary>The one text a branch or member target names; the member field of a member-or-branch target.</summary>
    public Func<IMessage, string> Text { get; init; } = _ => string.Empty;

    /// <summary>The branch field of a member-or-branch target.</summary>
    public Func<IMessage, string> SecondText { get; init; } = _ => string.Empty;

    /// <summary>The id a fact or check report target names.</summary>
    public Func<IMessage, long> Number { get; init; } = _ => 0;

    /// <summary>The member or branch each row of a rows target names.</summary>
    public Func<IMessage, IReadOnlyList<string>> RowTexts { get; init; } = _ => [];

    /// <summary>The staff number and branch code of each registration.</summary>
    public Func<IMessage, IReadOnlyList<(string StaffNumber, string BranchCode)>> Registrations { get; init; } = _ => [];
}

/// <summary>
/// Builds a policy's <see cref="RpcTarget"/> from selectors on the RPC's request type:
/// <c>Target.Member&lt;RecordEventRequest&gt;(r =&gt; r.Fact.StaffNumber)</c>. A selector reads fields of the
/// contract, one after another; an unset message on the way reads as empty (and so refuses, as "own" is then unknown).
/// </summary>
internal static class Target
{
    public static RpcTarget Branch<TRequest>(Expression<Func<TRequest, string>> branchCode)
        where TRequest : IMessage<TRequest>, new()
    {
        var branch = Field.Of(branchCode);
        return new(TargetKind.Branch, typeof(TRequest), branch.Path) { Text = branch.Text };
    }

    public static RpcTarget Member<TRequest>(Expression<Func<TRequest, string>> staffNumber)
        where TRequest : IMessage<TRequest>, new()
    {
        var member = Field.Of(staffNumber);
        return new(TargetKind.Member, typeof(TRequest), member.Path) { Text = member.Text };
    }

    public static RpcTarget MemberOrBranch<TRequest>(Expression<Func<TRequest, string>> staffNumber, Expression<Func<TRequest, string>> branchCode)
        where TRequest : IMessage<TRequest>, new()
    {
        var (member, branch) = (Field.Of(staffNumber), Field.Of(branchCode));
        return new(TargetKind.MemberOrBranch, typeof(TRequest), member.Path, branch.Path) { Text = member.Text, SecondText = branch.Text };
    }

    public static RpcTarget BranchRows<TRequest, TRow>(Expression<Func<TRequest, RepeatedField<TRow>>> rows, Expression<Func<TRow, string>> branchCode)
        where TRequest : IMessage<TRequest>, new()
        where TRow : IMessage<TRow>, new() =>
        Rows(TargetKind.BranchRows, rows, branchCode);

    public static RpcTarget MemberRows<TRequest, TRow>(Expression<Func<TRequest, RepeatedField<TRow>>> rows, Expression<Func<TRow, string>> staffNumber)
        where TRequest : IMessage<TRequest>, new()
        where TRow : IMessage<TRow>, new() =>
        Rows(TargetKind.MemberRows, rows, staffNumber);

    public static RpcTarget Fact<TRequest>(Expression<Func<TRequest, long>> factId)
        where TRequest : IMessage<TRequest>, new()
    {
        var fact = Field.Of(factId);
        return new(TargetKind.Fact, typeof(TRequest), fact.Path) { Number = fact.Number };
    }

    public static RpcTarget CheckReport<TRequest>(Expression<Func<TRequest, long>> reportId)
        where TRequest : IMessage<TRequest>, new()
    {
        var report = Field.Of(reportId);
        return new(TargetKind.CheckReport, typeof(TRequest), report.Path) { Number = report.Number };
    }

    /// <summary>One registration (RegisterMember), read by the same selectors as rows of them.</summary>
    public static RpcTarget Registration<TRequest, TRow>(
        Expression<Func<TRequest, TRow>> row, Expression<Func<TRow, string>> staffNumber, Expression<Func<TRow, string>> branchCode)
        where TRequest : IMessage<TRequest>, new()
        where TRow : class, IMessage<TRow>, new()
    {
        var one = Field.Of(row);
        var (member, branch) = (Field.Of(staffNumber), Field.Of(branchCode));
        return new(TargetKind.Registrations, typeof(TRequest), one.Path)
        {
            Registrations = request => one.Read(request) is TRow registration ? [(member.Text(registration), branch.Text(registration))] : [],
        };
    }

    public static RpcTarget Registrations<TRequest, TRow>(
        Expression<Func<TRequest, RepeatedField<TRow>>> rows, Expression<Func<TRow, string>> staffNumber, Expression<Func<TRow, string>> branchCode)
        where TRequest : IMessage<TRequest>, new()
        where TRow : IMessage<TRow>, new()
    {
        var many = Field.Of(rows);
        var (member, branch) = (Field.Of(staffNumber), Field.Of(branchCode));
        return new(TargetKind.Registrations, typeof(TRequest), many.Path)
        {
            Registrations = request => many.Read(request) is RepeatedField<TRow> list ? list.Select(r => (member.Text(r), branch.Text(r))).ToList() : [],
        };
    }

    private static RpcTarget Rows<TRequest, TRow>(TargetKind kind, Expression<Func<TRequest, RepeatedField<TRow>>> rows, Expression<Func<TRow, string>> field)
        where TRequest : IMessage<TRequest>, new()
        where TRow : IMessage<TRow>, new()
    {
        var (many, each) = (Field.Of(rows), Field.Of(field));
        return new(kind, typeof(TRequest), many.Path, each.Path)
        {
            RowTexts = request => many.Read(request) is RepeatedField<TRow> list ? list.Select(r => each.Text(r)).ToList() : [],
        };
    }

    /// <summary>A selected chain of fields: its proto path, and a reader giving null when the message is not the selector's or a message on the way is unset.</summary>
    private sealed record Field(string Path, Func<IMessage, object?> Read)
    {
        public string Text(IMessage message) => Read(message) as string ?? string.Empty;

        public long Number(IMessage message) => Read(message) is long number ? number : 0;

        public static Field Of<TMessage, TValue>(Expression<Func<TMessage, TValue>> selector)
            where TMessage : IMessage<TMessage>, new()
        {
            var properties = new List<PropertyInfo>();
            var node = selector.Body;
            while (node is MemberExpression { Member: PropertyInfo property, Expression: { } inner })
            {
                properties.Insert(0, property);
                node = inner;
            }

            if (node != selector.Parameters[0] || properties.Count == 0)
            {
                throw new ArgumentException($"{selector} must read fields of {typeof(TMessage).Name}, one after another", nameof(selector));
            }

            MessageDescriptor? message = new TMessage().Descriptor;
            var names = new List<string>();
            var getters = new List<Func<object, object?>>();
            foreach (var property in properties)
            {
                var field = message?.Fields.InDeclarationOrder().SingleOrDefault(f => f.PropertyName == property.Name)
                    ?? throw new ArgumentException($"{selector}: {property.Name} is no field of {message?.FullName ?? property.DeclaringType?.Name}", nameof(selector));
                names.Add(field.Name);
                getters.Add(Getter(property));
                message = field.FieldType == FieldType.Message && !field.IsRepeated ? field.MessageType : null;
            }

            return new(string.Join('.', names), request =>
            {
                object? current = request is TMessage ? request : null;
                foreach (var getter in getters)
                {
                    current = current is null ? null : getter(current);
                }

                return current;
            });
        }

        private static Func<object, object?> Getter(PropertyInfo property)
        {
            var instance = Expression.Parameter(typeof(object));
            var read = Expression.Property(Expression.Convert(instance, property.DeclaringType!), property);
            return Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), instance).Compile();
        }
    }
}
