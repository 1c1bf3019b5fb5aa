using System.Text.Json;
using SalesPerf.Engine.Flows;
using SalesPerf.Web.Designer.Api;
using SalesPerf.Web.Localization;

namespace SalesPerf.Web.Designer.Hosting;

/// <summary>
/// What wwwroot/js/criteria-editor.js needs to turn the Studio's criteria text box into a form: the input's label
/// (to find it), the file types the engine accepts, and its own texts in the admin's language.
/// </summary>
public sealed class CriteriaEditorSettings(Loc l)
{
    public string Label => ActivityDescriptors.CriteriaDisplayName;

    public string FileTypesJson => JsonSerializer.Serialize(CompletionField.SupportedFileTypes);

    public string StringsJson => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["showText"] = l["Edit as text (JSON)"],
        ["hideText"] = l["Hide the text"],
        ["invalid"] = l["These criteria cannot be shown as a form: correct the text below"],
        ["notAList"] = l["the text is not a list of fields"],
        ["none"] = l["No fields yet: the stage cannot be published until the rep has something to submit."],
        ["addField"] = l["Add a field"],
        ["labelZh"] = l["Label (Chinese)"],
        ["labelEn"] = l["Label (English)"],
        ["labelNeeded"] = l["Give the field a label in at least one language."],
        ["type"] = l["Type"],
        ["types"] = new Dictionary<string, string>
        {
            ["text"] = l["Text"], ["number"] = l["Number"], ["date"] = l["Date"],
            ["choice"] = l["Choice (one of)"], ["checklist"] = l["Checklist (tick all)"], ["file"] = l["File upload"],
        },
        ["required"] = l["Required"],
        ["up"] = l["Move up"],
        ["down"] = l["Move down"],
        ["remove"] = l["Remove"],
        ["minLength"] = l["At least this many characters"],
        ["min"] = l["Minimum"],
        ["max"] = l["Maximum"],
        ["unit"] = l["Unit"],
        ["options"] = l["Options"],
        ["optionZh"] = l["Option (Chinese)"],
        ["optionEn"] = l["Option (English)"],
        ["addOption"] = l["Add an option"],
        ["optionsNeeded"] = l["Add at least one option."],
        ["fileTypes"] = l["Accepted file types"],
        ["more"] = l["More"],
        ["key"] = l["Field key"],
        ["keyHint"] = l["The name the answer is stored under; changing it on a published stage hides earlier answers from reports."],
        ["helpZh"] = l["Help (Chinese)"],
        ["helpEn"] = l["Help (English)"],
    });
}
