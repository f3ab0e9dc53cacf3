namespace Lotse.Data;

/// <summary>
/// A record about a person that users write: declared once here, it is what the audit interceptor
/// logs on every change (and refuses while the person's processing is restricted), what the
/// anonymiser erases or blanks (<see cref="Features.Privacy.Anonymiser.Handles"/>) and what the
/// Art. 15 export contains (<see cref="Features.Privacy.ClientExport.Covers"/>).
/// <c>PersonalDataRegistryTests</c> fails when an entity linked to a person carries neither this nor
/// <see cref="IPersonalDataTrail"/>, or when one of them does not handle it.
/// </summary>
public interface IPersonalData;

/// <summary>
/// A record derived from or kept beside a person's data — search keys, the correction trail, the
/// phase history, appointments, answer links, a document's encrypted content: written together with
/// its parent (whose change is audited) and erased or blanked by the anonymiser with the person.
/// </summary>
public interface IPersonalDataTrail;
