using CurationPipeline.Departments;

namespace CurationPipeline.Tests.Departments;

public sealed class DepartmentAgreementTests
{
    [Fact]
    public void Kappa_discounts_the_agreement_expected_by_chance()
    {
        // 10 items, two labels: agree on 7 (4 x/x, 3 y/y). Rater A: x 6, y 4; rater B: x 5, y 5.
        // Expected by chance 0.6*0.5 + 0.4*0.5 = 0.5, so kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
        var labels = new List<(string, string)>();
        labels.AddRange(Enumerable.Repeat(("x", "x"), 4));
        labels.AddRange(Enumerable.Repeat(("y", "y"), 3));
        labels.AddRange(Enumerable.Repeat(("x", "y"), 2));
        labels.Add(("y", "x"));
        Assert.Equal(0.4, DepartmentAgreement.CohensKappa(labels), 10);
        Assert.Equal(1, DepartmentAgreement.CohensKappa([("x", "x"), ("y", "y")]), 10);
        Assert.True(DepartmentAgreement.CohensKappa([("x", "y"), ("y", "x")]) < 0);
    }

    [Fact]
    public void Agreement_is_measured_on_the_first_department_and_on_its_primary()
    {
        IReadOnlyList<(IReadOnlyList<string>, IReadOnlyList<string>)> pairs =
        [
            (["Cardiology"], ["Cardiology", "Neurology"]),
            (["Neurology"], ["Cardiology", "Neurology"]),   // same primary (Internal Medicine), overlapping lists
            (["Ophthalmology"], ["No Department"]),
            (["No Department"], ["No Department"]),
        ];
        var a = DepartmentAgreement.Of(pairs);
        Assert.Equal(4, a.Items);
        Assert.Equal(0.5, a.Accuracy, 10);
        Assert.Equal(0.75, a.GroupAccuracy, 10);
        Assert.Equal(0.75, a.Overlap, 10);
        Assert.InRange(a.Kappa, 0.0, a.Accuracy);
    }
}
