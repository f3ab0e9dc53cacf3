using Lotse.Features.MyDay;
using Lotse.Features.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lotse.Features.Home;

/// <summary>The start page: "Mein Tag" for case managers and team leads, the role's entry points for everyone.</summary>
public sealed class IndexModel(MyDayService myDay) : PageModel
{
    public MyDayData? Day { get; private set; }

    public MyDayData? TeamDay { get; private set; }

    /// <summary>Only the day of the cases whose client or reference contains this ("Fall filtern").</summary>
    [BindProperty(SupportsGet = true, Name = "fall")]
    public string? CaseFilter { get; set; }

    public async Task OnGetAsync()
    {
        if (User.IsInRole(Roles.CaseManager))
        {
            Day = (await myDay.LoadAsync(User, team: false, HttpContext.RequestAborted)).For(CaseFilter);
        }

        if (User.IsInRole(Roles.TeamLead))
        {
            TeamDay = (await myDay.LoadAsync(User, team: true, HttpContext.RequestAborted)).For(CaseFilter);
        }
    }
}
