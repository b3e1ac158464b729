namespace Chuangji.Workflow.Modules.Assessment.Domain;

/// <summary>A rating reached by a total of at least <see cref="MinTotal"/>, e.g. EXCELLENT 优秀 from 90.</summary>
internal sealed record RatingBand(string Rating, string Name, decimal MinTotal);
