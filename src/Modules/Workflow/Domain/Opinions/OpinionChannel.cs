namespace Chuangji.Workflow.Modules.Workflow.Domain.Opinions;

internal enum OpinionChannel
{
    SuggestionBox = 1,
    Forum = 2,
    Symposium = 3,
    Online = 4,
}
