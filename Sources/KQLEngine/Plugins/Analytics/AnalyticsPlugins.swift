/// The user-analytics plugins built into the engine, the list the engine registers.
enum AnalyticsPlugins {
    static let all: [any TabularPlugin] = [
        ActivityCountsMetricsPlugin(), SlidingWindowCountsPlugin(), DcountIntersectPlugin(), NarrowPlugin(),
        RollingPercentilePlugin(), ActiveUsersCountPlugin(), ActivityMetricsPlugin(), NewActivityMetricsPlugin(),
        ActivityEngagementPlugin(), SessionCountPlugin(), FunnelSequencePlugin(), FunnelSequenceCompletionPlugin(),
        SequenceDetectPlugin(),
    ]
}
