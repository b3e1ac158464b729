using System.Text.Json;
using Chuangji.Workflow.BuildingBlocks.Validation;
using Chuangji.Workflow.Modules.Workflow.Domain.Checks;
using Chuangji.Workflow.Modules.Workflow.Scheduling;
using Google.Protobuf.WellKnownTypes;
using Proto = Chuangji.Workflow.V1;

namespace Chuangji.Workflow.Modules.Workflow.Grpc;

internal static class CheckReportMapping
{
    public static Proto.CheckReport ToProto(this CheckReport report, bool withFindings)
    {
        var proto = new Proto.CheckReport
        {
            Id = report.Id,
            Year = report.Year,
            Kind = (Proto.CheckKind)(int)report.Kind,
            Period = report.Period,
            BranchCode = report.BranchCode,
            PeriodStart = IsoDate.Format(report.PeriodStart),
            PeriodEnd = IsoDate.Format(report.PeriodEnd),
            CreatedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(report.CreatedAtUtcTicks, TimeSpan.Zero)),
        };
        var findings = JsonSerializer.Deserialize<CheckFindings>(report.Findings, CheckReportMaker.Json) ?? new CheckFindings([], []);
        proto.Branches.AddRange(findings.Branches.Select(b => new Proto.BranchTally
        {
            BranchCode = b.BranchCode,
            Members = b.Members,
            WithoutFacts = b.WithoutFacts,
            WithoutThoughtReport = b.WithoutThoughtReport,
            OverdueSelfReports = b.OverdueSelfReports,
        }));
        if (withFindings)
        {
            proto.Findings.AddRange(findings.Members.Select(m => new Proto.MemberFinding
            {
                StaffNumber = m.StaffNumber,
                Name = m.Name,
                NoFacts = m.NoFacts,
                NoThoughtReport = m.NoThoughtReport,
                OverdueSelfReports = { m.OverdueSelfReports },
            }));
        }

        return proto;
    }
}
