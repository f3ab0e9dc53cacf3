using System.Globalization;
using Lotse.Data;
using Lotse.Features.Calendar;
using Lotse.Features.Cases;
using Lotse.Features.Clients;
using Lotse.Features.Districts;
using Lotse.Features.Users;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Demo;

/// <summary>The work inside a demo case: assessments, goals and steps, contacts and deadlines.</summary>
internal sealed partial class DemoClients
{
    /// <summary>
    /// Each case manager's day of the seeding and the next: talks with clients of their own open cases,
    /// so "Termine heute" on Mein Tag and the calendar feed show what a working day looks like.
    /// </summary>
    private void AddAppointments(IEnumerable<User> caseManagers, DateOnly today, DateTime now)
    {
        // Around the hour of seeding, so that the first talk has just taken place (its contact is due) and two follow;
        // never before today's midnight.
        var zone = new LocalZone(time);
        var quarter = now.AddTicks(-(now.Ticks % TimeSpan.FromMinutes(15).Ticks));
        var first = quarter.AddMinutes(-75) < zone.StartOf(today) ? zone.StartOf(today) : quarter.AddMinutes(-75);
        (DateTime Start, int Minutes, string Title, string? Location)[] plan =
        [
            (first, 60, "Beratungsgespräch", "Büro"),
            (quarter.AddMinutes(60), 45, "Begleitung zur Ausländerbehörde", "Ausländerbehörde, Hans-Sachs-Haus"),
            (quarter.AddMinutes(180), 60, "Hausbesuch", null),
            (zone.ToUtc(today.AddDays(1).ToDateTime(new TimeOnly(10, 0))), 60, "Beratungsgespräch", "Büro"),
        ];
        foreach (var manager in caseManagers)
        {
            var cases = db.Cases.Local.Where(c => c.ResponsibleUserId == manager.Id && c.Phase != CasePhase.Closed).Take(plan.Length).ToList();
            for (var i = 0; i < cases.Count; i++)
            {
                var (start, minutes, title, location) = plan[i];
                db.Appointments.Add(new Appointment
                {
                    UserId = manager.Id,
                    CaseId = cases[i].Id,
                    Title = title,
                    Start = start,
                    End = start.AddMinutes(minutes),
                    Location = location,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
            }
        }
    }

    private void AddWork(Case @case, User manager, CasePhase phase, DateOnly opened, DateOnly today, DateTime now, Random random)
    {
        var areas = NeedAreas.OrderBy(_ => random.Next()).Take(3 + random.Next(4)).ToList();
        var first = new Assessment { CaseId = @case.Id, Date = opened.AddDays(7), UserId = manager.Id, CreatedAt = now, UpdatedAt = now };
        first.Ratings.AddRange(areas.Select(a => new AssessmentRating { NeedAreaCode = a, Rating = 1 + random.Next(3) }));
        db.Assessments.Add(first);
        if (phase >= CasePhase.Implementation && random.Next(3) > 0)
        {
            var again = new Assessment { CaseId = @case.Id, Date = today.AddDays(-random.Next(5, 40)), UserId = manager.Id, CreatedAt = now, UpdatedAt = now };
            again.Ratings.AddRange(first.Ratings.Select(r => new AssessmentRating { NeedAreaCode = r.NeedAreaCode, Rating = Math.Clamp(r.Rating!.Value + random.Next(-1, 3), 1, 5) }));
            db.Assessments.Add(again);
        }

        if (phase >= CasePhase.Planning)
        {
            foreach (var idea in GoalIdeas.OrderBy(_ => random.Next()).Take(1 + random.Next(3)))
            {
                var agreed = opened.AddDays(20 + random.Next(20));
                var goal = new Goal
                {
                    CaseId = @case.Id,
                    NeedAreaCode = idea.Area,
                    Title = idea.Goal,
                    AgreedOn = agreed,
                    DueOn = agreed.AddDays(60 + random.Next(200)),
                    Status = phase == CasePhase.Closed ? (random.Next(2) == 0 ? GoalStatus.Achieved : GoalStatus.PartlyAchieved)
                        : phase == CasePhase.Evaluation && random.Next(2) == 0 ? GoalStatus.Achieved : GoalStatus.Open,
                };
                var due = today.AddDays(random.Next(-30, 40));
                var done = goal.Status != GoalStatus.Open || random.Next(3) == 0;
                goal.Steps.Add(new GoalStep
                {
                    GoalId = goal.Id,
                    Title = idea.Step,
                    Responsible = (StepResponsible)(1 + random.Next(3)),
                    PartnerName = null,
                    DueOn = due,
                    Status = done ? StepStatus.Done : StepStatus.Open,
                    DoneOn = done ? (due < today ? due : today) : null,
                    CreatedAt = now,
                });
                if (goal.Steps[0].Responsible == StepResponsible.Partner)
                {
                    goal.Steps[0].PartnerName = idea.Area switch { "sprache" => "Sprachschule Glückauf", "finanzen" => "Schuldnerberatung", _ => "Jobcenter" };
                }

                db.Goals.Add(goal);
            }
        }

        var contacts = 2 + random.Next(7);
        var span = Math.Max(1, today.DayNumber - opened.DayNumber);
        for (var i = 0; i < contacts; i++)
        {
            var day = opened.AddDays(random.Next(span));
            db.Encounters.Add(new Encounter
            {
                CaseId = @case.Id,
                UserId = manager.Id,
                At = day.ToDateTime(new TimeOnly(8 + random.Next(9), 15 * random.Next(4)), DateTimeKind.Utc),
                DurationMinutes = 15 * (1 + random.Next(6)),
                KindCode = EncounterKinds[random.Next(EncounterKinds.Length)],
                InterpreterUsed = random.Next(3) == 0,
                NeedAreaCodes = [.. areas.Take(1 + random.Next(2))],
                CreatedAt = now,
            });
        }

        if (phase is CasePhase.Implementation or CasePhase.Planning && random.Next(2) == 0)
        {
            db.Deadlines.Add(new Deadline
            {
                CaseId = @case.Id,
                Title = random.Next(2) == 0 ? "Weiterbewilligungsantrag Jobcenter" : "Nachweise bei der Familienkasse einreichen",
                DueOn = today.AddDays(random.Next(-5, 30)),
                LeadDays = 14,
            });
        }
    }
}
