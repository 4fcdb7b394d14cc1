using Avrr.Analytics.Schemes;
using Avrr.Analytics.Vocabulary;

namespace Avrr.Analytics.Scoring;

/// <summary>
/// What scoring one survey gives besides the indicator and dimension scores: the composite (NaN when
/// missing), its band, the weakest dimension (index in scheme order, -1 when no dimension is scored)
/// and the number of questions answered.
/// </summary>
public readonly record struct SurveyOutcome(double Composite, Band Band, int WeakestDimension, int Answered);
