"""Qt-free pipeline analytics: the figures managers report upward (issue 16).

``service.AnalyticsService`` builds a :class:`~crm_desktop.analytics.model.PipelineReport`
with SQL; ``rates`` turns the conversion rates kept in Settings (the pipeline board's)
into the report currency's view of them.
"""
