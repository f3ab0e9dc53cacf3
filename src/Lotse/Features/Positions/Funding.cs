namespace Lotse.Features.Positions;

/// <summary>One position with the figures a Verwendungsnachweis needs.</summary>
public sealed record FundedPosition(Guid Id, string Title, FundingModule Module, string Organization, decimal Fte, string? Holder, DateOnly? FilledSince, DateOnly? VacantSince,
    decimal Cost, decimal Rate, decimal StateShare, decimal OwnShare);

/// <summary>The totals of a funding module or of all positions.</summary>
public sealed record FundingTotal(string Label, int Positions, decimal Fte, decimal Vacant, decimal Cost, decimal StateShare, decimal OwnShare);

/// <summary>Positions and funding: cost, the state's share at the position's rate and the own share.</summary>
public static class Funding
{
    public static string ModuleName(FundingModule module) => module switch
    {
        FundingModule.Coordination => "Baustein 1 – Koordination",
        FundingModule.CaseManagement => "Baustein 2 – Case Management",
        _ => "Baustein 3 – Ausländer- und Einbürgerungsbehörde",
    };

    public static FundedPosition Of(Position p, string organization, string? holder)
    {
        var cost = p.AnnualCost ?? 0;
        var rate = p.FundingRate ?? Position.DefaultFundingRate;
        var state = Math.Round(cost * rate, 2);
        return new FundedPosition(p.Id, p.Title, p.Module, organization, p.Fte, holder, p.FilledSince, p.VacantSince, cost, rate, state, cost - state);
    }

    public static FundingTotal Total(string label, IReadOnlyCollection<FundedPosition> positions) => new(label, positions.Count,
        positions.Sum(p => p.Fte), positions.Where(p => p.Holder is null).Sum(p => p.Fte), positions.Sum(p => p.Cost), positions.Sum(p => p.StateShare), positions.Sum(p => p.OwnShare));
}
