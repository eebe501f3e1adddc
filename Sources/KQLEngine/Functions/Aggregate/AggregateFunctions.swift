import Columnar

/// The aggregation functions `summarize` (and `make-series`) call, one row per group. Each has a file in this
/// folder; `ConditionalAggregate` gives an aggregate its `...if` form.
enum AggregateFunctions {
    static let all = FunctionFamily(
        "aggregate",
        [
            .aggregate(
                CountAggregate(), "The number of rows in the group.",
                example: "range x from 1 to 5 step 1 | summarize count()"),
            .aggregate(
                CountifAggregate(), "The number of rows in the group for which a predicate is true.",
                example: "range x from 1 to 5 step 1 | summarize countif(x > 2)"),
            .aggregate(
                SumAggregate(conditional: false), "The sum of an expression over the group.",
                example: "range x from 1 to 5 step 1 | summarize sum(x)"),
            .aggregate(
                SumAggregate(conditional: true), "The sum over the rows for which a predicate is true.",
                example: "range x from 1 to 5 step 1 | summarize sumif(x, x > 2)"),
            .aggregate(
                AvgAggregate(conditional: false), "The mean of an expression over the group.",
                example: "range x from 1 to 5 step 1 | summarize avg(x)"),
            .aggregate(
                AvgAggregate(conditional: true), "The mean over the rows for which a predicate is true.",
                example: "range x from 1 to 5 step 1 | summarize avgif(x, x > 2)"),
            .aggregate(
                ExtremeAggregate(isMax: false, conditional: false), "The smallest value of an expression in the group.",
                example: "range x from 1 to 5 step 1 | summarize min(x)"),
            .aggregate(
                ExtremeAggregate(isMax: true, conditional: false), "The largest value of an expression in the group.",
                example: "range x from 1 to 5 step 1 | summarize max(x)"),
            .aggregate(
                ExtremeAggregate(isMax: false, conditional: true),
                "The smallest value over the rows where a predicate holds.",
                example: "range x from 1 to 5 step 1 | summarize minif(x, x > 2)"),
            .aggregate(
                ExtremeAggregate(isMax: true, conditional: true),
                "The largest value over the rows where a predicate holds.",
                example: "range x from 1 to 5 step 1 | summarize maxif(x, x < 4)"),
            .aggregate(
                MakeListAggregate(distinct: false, conditional: false), "The group's values as a dynamic array.",
                example: "range x from 1 to 5 step 1 | summarize make_list(x)"),
            .aggregate(
                MakeListAggregate(distinct: false, conditional: true),
                "The values of rows where a predicate holds, as an array.",
                example: "range x from 1 to 5 step 1 | summarize make_list_if(x, x > 2)"),
            .aggregate(
                MakeListAggregate(distinct: true, conditional: false),
                "The group's distinct values as a dynamic array.",
                example: "range x from 1 to 5 step 1 | summarize make_set(x % 2)"),
            .aggregate(
                MakeListAggregate(distinct: true, conditional: true),
                "The distinct values of rows where a predicate holds.",
                example: "range x from 1 to 5 step 1 | summarize make_set_if(x % 2, x > 2)"),
            .aggregate(
                MakeListWithNullsAggregate(), "The group's values as a dynamic array, nulls included.",
                example: "range x from 1 to 3 step 1 | summarize make_list_with_nulls(x)"),
            .aggregate(
                MakeBagAggregate(), "The group's property bags merged into one.",
                example: "range x from 1 to 3 step 1 | summarize make_bag(bag_pack(tostring(x), x))"),
            .aggregate(
                ConditionalAggregate(name: "make_bag_if", base: MakeBagAggregate(), predicateIndex: 1),
                "The property bags of rows where a predicate holds, merged into one.",
                example: "range x from 1 to 3 step 1 | summarize make_bag_if(bag_pack(tostring(x), x), x > 1)"),
            .aggregate(
                ArgExtremeAggregate(isMax: true), "The row where an expression is largest, with the columns asked for.",
                example: "range x from 1 to 5 step 1 | extend y = x * 2 | summarize arg_max(x, y)"),
            .aggregate(
                ArgExtremeAggregate(isMax: false),
                "The row where an expression is smallest, with the columns asked for.",
                example: "range x from 1 to 5 step 1 | extend y = x * 2 | summarize arg_min(x, y)"),
            .aggregate(
                VarianceAggregate(kind: .stdev), "The sample standard deviation of the group's values.",
                example: "range x from 1 to 5 step 1 | summarize stdev(x)"),
            .aggregate(
                VarianceAggregate(kind: .stdevp), "The population standard deviation of the group's values.",
                example: "range x from 1 to 5 step 1 | summarize stdevp(x)"),
            .aggregate(
                VarianceAggregate(kind: .variance), "The sample variance of the group's values.",
                example: "range x from 1 to 5 step 1 | summarize variance(x)"),
            .aggregate(
                VarianceAggregate(kind: .variancep), "The population variance of the group's values.",
                example: "range x from 1 to 5 step 1 | summarize variancep(x)"),
            .aggregate(
                ConditionalAggregate(name: "stdevif", base: VarianceAggregate(kind: .stdev), predicateIndex: 1),
                "The sample standard deviation over the rows where a predicate holds.",
                example: "range x from 1 to 5 step 1 | summarize stdevif(x, x > 1)"),
            .aggregate(
                ConditionalAggregate(name: "varianceif", base: VarianceAggregate(kind: .variance), predicateIndex: 1),
                "The sample variance over the rows where a predicate holds.",
                example: "range x from 1 to 5 step 1 | summarize varianceif(x, x > 1)"),
            .aggregate(
                ConditionalAggregate(name: "variancepif", base: VarianceAggregate(kind: .variancep), predicateIndex: 1),
                "The population variance over the rows where a predicate holds.",
                example: "range x from 1 to 5 step 1 | summarize variancepif(x, x > 1)"),
            .aggregate(
                CovarianceAggregate(population: false), "The sample covariance of two expressions over the group.",
                example: "range x from 1 to 5 step 1 | extend y = x * x | summarize covariance(x, y)"),
            .aggregate(
                CovarianceAggregate(population: true), "The population covariance of two expressions over the group.",
                example: "range x from 1 to 5 step 1 | extend y = x * x | summarize covariancep(x, y)"),
            .aggregate(
                ConditionalAggregate(
                    name: "covarianceif", base: CovarianceAggregate(population: false), predicateIndex: 2),
                "The sample covariance over the rows where a predicate holds.",
                example: "range x from 1 to 5 step 1 | extend y = x * x | summarize covarianceif(x, y, x > 1)"),
            .aggregate(
                ConditionalAggregate(
                    name: "covariancepif", base: CovarianceAggregate(population: true), predicateIndex: 2),
                "The population covariance over the rows where a predicate holds.",
                example: "range x from 1 to 5 step 1 | extend y = x * x | summarize covariancepif(x, y, x > 1)"),
            .aggregate(
                BuildSchemaAggregate(), "The smallest schema that admits every dynamic value of the group.",
                example: "print d = dynamic({'a': 1}) | summarize buildschema(d)"),
            .aggregate(
                TakeAnyAggregate(), "Any one non-null value of the group.",
                example: "range x from 1 to 5 step 1 | summarize take_any(x)"),
            .aggregate(
                TakeAnyAggregate(name: "any"), "Deprecated alias of take_any().",
                example: "range x from 1 to 5 step 1 | summarize any(x)"),
            .aggregate(
                ConditionalAggregate(
                    name: "take_anyif", base: TakeAnyAggregate(), predicateIndex: 1,
                    basePrefix: "any", prefix: "anyif"),
                "Any one non-null value among the rows where a predicate holds.",
                example: "range x from 1 to 5 step 1 | summarize take_anyif(x, x > 3)"),
            .aggregate(
                ConditionalAggregate(
                    name: "anyif", base: TakeAnyAggregate(), predicateIndex: 1,
                    basePrefix: "any", prefix: "anyif"),
                "Deprecated alias of take_anyif().",
                example: "range x from 1 to 5 step 1 | summarize anyif(x, x > 3)"),
            .aggregate(
                CountDistinctAggregate(conditional: false), "The exact number of distinct values in the group.",
                example: "range x from 1 to 5 step 1 | summarize count_distinct(x % 2)"),
            .aggregate(
                CountDistinctAggregate(conditional: true),
                "The exact number of distinct values over the rows where a predicate holds.",
                example: "range x from 1 to 5 step 1 | summarize count_distinctif(x % 3, x > 1)"),
            .aggregate(
                BinaryAllAggregate.and, "The bitwise AND of the group's values.",
                example: "range x from 1 to 5 step 1 | summarize binary_all_and(x)"),
            .aggregate(
                BinaryAllAggregate.or, "The bitwise OR of the group's values.",
                example: "range x from 1 to 5 step 1 | summarize binary_all_or(x)"),
            .aggregate(
                BinaryAllAggregate.xor, "The bitwise XOR of the group's values.",
                example: "range x from 1 to 5 step 1 | summarize binary_all_xor(x)"),
        ])
}
