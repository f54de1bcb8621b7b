-- Counts the responses and invitations that existed before SurveyTally did.
DELETE FROM SurveyTally;
INSERT INTO SurveyTally (surveyId, teamId, responses, o1, o2, o3, o4, o5, r1, r2, r3, r4, r5, h1, h2, h3, h4, h5, d1, d2, d3, d4, d5, p1, p2, p3, p4, p5, promoters, passives, detractors)
  SELECT surveyId, COALESCE(teamId, 0), COUNT(*), SUM("overall" = 1), SUM("overall" = 2), SUM("overall" = 3), SUM("overall" = 4), SUM("overall" = 5), SUM("relevance" = 1), SUM("relevance" = 2), SUM("relevance" = 3), SUM("relevance" = 4), SUM("relevance" = 5), SUM("helpful" = 1), SUM("helpful" = 2), SUM("helpful" = 3), SUM("helpful" = 4), SUM("helpful" = 5), SUM("delivery" = 1), SUM("delivery" = 2), SUM("delivery" = 3), SUM("delivery" = 4), SUM("delivery" = 5), SUM("pace" = 1), SUM("pace" = 2), SUM("pace" = 3), SUM("pace" = 4), SUM("pace" = 5), SUM(recommend >= 9), SUM(recommend BETWEEN 7 AND 8), SUM(recommend <= 6)
  FROM SurveyResponse WHERE 1 GROUP BY surveyId, COALESCE(teamId, 0);
INSERT INTO SurveyTally (surveyId, teamId, invited)
  SELECT surveyId, COALESCE(teamId, 0), COUNT(*) FROM SurveyInvite WHERE 1 GROUP BY surveyId, COALESCE(teamId, 0)
  ON CONFLICT (surveyId, teamId) DO UPDATE SET invited = excluded.invited;
