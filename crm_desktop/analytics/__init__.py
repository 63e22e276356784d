"""Qt-free pipeline analytics: the figures managers report upward (issue 16).

``service.AnalyticsService`` builds a :class:`~crm_desktop.analytics.model.PipelineReport`
with SQL; ``rates`` holds the one default table of conversion rates.
"""
