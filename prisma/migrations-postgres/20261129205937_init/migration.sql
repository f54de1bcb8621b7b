-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Assignment" (
    "id" SERIAL NOT NULL,
    "courseId" INTEGER,
    "seriesId" INTEGER,
    "dueDay" TEXT NOT NULL,
    "refreshMonths" INTEGER,
    "teamId" INTEGER,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMP(3),
    "withdrawnById" INTEGER,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssignmentMember" (
    "assignmentId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,

    CONSTRAINT "AssignmentMember_pkey" PRIMARY KEY ("assignmentId","userId")
);

-- CreateTable
CREATE TABLE "AssignmentReminder" (
    "id" SERIAL NOT NULL,
    "assignmentId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "cycle" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssignmentReminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Team" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "employeeNo" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "grade" TEXT NOT NULL DEFAULT 'junior',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "teamId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserRole" (
    "userId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,

    CONSTRAINT "UserRole_pkey" PRIMARY KEY ("userId","role")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "secretHash" BYTEA NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "idleExpiresAt" TIMESTAMP(3) NOT NULL,
    "absoluteExpiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" SERIAL NOT NULL,
    "actorId" INTEGER,
    "subjectId" INTEGER,
    "action" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '{}',
    "objectKind" TEXT,
    "objectId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CourseProgress" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "courseId" INTEGER NOT NULL,
    "courseVersionId" INTEGER NOT NULL,
    "sectionsReached" TEXT NOT NULL DEFAULT '[]',
    "sectionsTotal" INTEGER NOT NULL DEFAULT 0,
    "lastSection" TEXT NOT NULL DEFAULT '',
    "percent" INTEGER NOT NULL DEFAULT 0,
    "secondsSpent" INTEGER NOT NULL DEFAULT 0,
    "lastHeartbeatAt" TIMESTAMP(3),
    "lastReachAt" TIMESTAMP(3),
    "quizBestScore" INTEGER,
    "quizPassed" BOOLEAN NOT NULL DEFAULT false,
    "attendedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CourseProgress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuizAttempt" (
    "id" SERIAL NOT NULL,
    "progressId" INTEGER NOT NULL,
    "token" TEXT NOT NULL,
    "answers" TEXT NOT NULL,
    "correct" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,
    "score" INTEGER NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuizAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContentProblem" (
    "id" SERIAL NOT NULL,
    "path" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "message" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContentProblem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SelfAssessment" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "scores" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SelfAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Series" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "summaryZh" TEXT NOT NULL DEFAULT '',
    "summaryEn" TEXT NOT NULL DEFAULT '',
    "merge" TEXT NOT NULL DEFAULT 'none',
    "sourcePath" TEXT NOT NULL DEFAULT '',
    "contentHash" TEXT NOT NULL DEFAULT '',
    "retired" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Series_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Course" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "seriesId" INTEGER,
    "position" INTEGER NOT NULL DEFAULT 0,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "summaryZh" TEXT NOT NULL DEFAULT '',
    "summaryEn" TEXT NOT NULL DEFAULT '',
    "area" TEXT NOT NULL,
    "competencies" TEXT NOT NULL DEFAULT '[]',
    "durationMinutes" INTEGER NOT NULL DEFAULT 60,
    "grade" TEXT NOT NULL DEFAULT 'junior',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "trainers" TEXT NOT NULL DEFAULT '[]',
    "sourcePath" TEXT NOT NULL DEFAULT '',
    "currentVersionId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "liveVersionId" INTEGER,

    CONSTRAINT "Course_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CourseVersion" (
    "id" SERIAL NOT NULL,
    "courseId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "frontMatter" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sections" TEXT NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CourseVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingSession" (
    "id" SERIAL NOT NULL,
    "courseId" INTEGER,
    "seriesId" INTEGER,
    "trainerId" INTEGER NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "room" TEXT NOT NULL DEFAULT '',
    "onlineLink" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "notes" TEXT NOT NULL DEFAULT '',
    "deliveredAt" TIMESTAMP(3),
    "requestId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL DEFAULT 'micro',
    "title" TEXT NOT NULL DEFAULT '',
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "cancelReason" TEXT NOT NULL DEFAULT '',
    "cancelledAt" TIMESTAMP(3),
    "trialProjectId" INTEGER,
    "trialVersionId" INTEGER,

    CONSTRAINT "TrainingSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionAttendee" (
    "sessionId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "attendance" TEXT NOT NULL DEFAULT 'pending',

    CONSTRAINT "SessionAttendee_pkey" PRIMARY KEY ("sessionId","userId")
);

-- CreateTable
CREATE TABLE "CourseProject" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "need" TEXT NOT NULL DEFAULT '',
    "needRef" TEXT,
    "sourceTitle" TEXT NOT NULL DEFAULT '',
    "sourceSupplier" TEXT NOT NULL DEFAULT '',
    "sourceNotes" TEXT NOT NULL DEFAULT '',
    "format" TEXT NOT NULL,
    "stage" TEXT NOT NULL DEFAULT 'drafting',
    "ownerId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CourseProject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectMember" (
    "projectId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,

    CONSTRAINT "ProjectMember_pkey" PRIMARY KEY ("projectId","userId")
);

-- CreateTable
CREATE TABLE "ProjectMilestone" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "dueOn" TEXT NOT NULL,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "ProjectMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectCourse" (
    "projectId" INTEGER NOT NULL,
    "courseId" INTEGER NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectCourse_pkey" PRIMARY KEY ("projectId","courseId")
);

-- CreateTable
CREATE TABLE "VersionComment" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "courseVersionId" INTEGER NOT NULL,
    "section" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "authorId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" TIMESTAMP(3),
    "doneById" INTEGER,

    CONSTRAINT "VersionComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExamContentVersion" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExamContentVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExamAttempt" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "exam" TEXT NOT NULL,
    "contentVersionId" INTEGER NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadlineAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "setup" TEXT NOT NULL DEFAULT '{}',
    "invalidReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "sittingId" INTEGER,
    "voidedAt" TIMESTAMP(3),
    "voidReason" TEXT,
    "voidedById" INTEGER,

    CONSTRAINT "ExamAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExamLog" (
    "attemptId" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExamLog_pkey" PRIMARY KEY ("attemptId")
);

-- CreateTable
CREATE TABLE "TypingBatch" (
    "attemptId" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "at" INTEGER NOT NULL,
    "events" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TypingBatch_pkey" PRIMARY KEY ("attemptId","seq")
);

-- CreateTable
CREATE TABLE "ExamEvent" (
    "id" SERIAL NOT NULL,
    "attemptId" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExamEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExamResult" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "exam" TEXT NOT NULL,
    "attemptId" INTEGER,
    "passed" BOOLEAN NOT NULL,
    "valid" BOOLEAN NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "figures" TEXT NOT NULL,
    "misses" TEXT NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExamResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DrillScore" (
    "id" SERIAL NOT NULL,
    "resultId" INTEGER NOT NULL,
    "trainerId" INTEGER NOT NULL,
    "scores" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "scenario" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sittingId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "supersedesId" INTEGER,
    "reason" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "DrillScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PracticeSitting" (
    "id" SERIAL NOT NULL,
    "trainerId" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "scenario" TEXT NOT NULL,
    "card" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PracticeSitting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PracticeAttendee" (
    "sittingId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,

    CONSTRAINT "PracticeAttendee_pkey" PRIMARY KEY ("sittingId","userId")
);

-- CreateTable
CREATE TABLE "ExamAttemptGrant" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "exam" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "grantedById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "ExamAttemptGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExamSitting" (
    "id" SERIAL NOT NULL,
    "exam" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "network" TEXT NOT NULL DEFAULT '',
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExamSitting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExamSittingMember" (
    "sittingId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "ip" TEXT NOT NULL,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExamSittingMember_pkey" PRIMARY KEY ("sittingId","userId")
);

-- CreateTable
CREATE TABLE "CourseAcceptance" (
    "id" SERIAL NOT NULL,
    "courseId" INTEGER NOT NULL,
    "courseVersionId" INTEGER NOT NULL,
    "decision" TEXT NOT NULL,
    "decidedById" INTEGER,
    "reason" TEXT NOT NULL DEFAULT '',
    "projectId" INTEGER,
    "fastTrack" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CourseAcceptance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LibraryEntry" (
    "id" SERIAL NOT NULL,
    "courseId" INTEGER NOT NULL,
    "courseVersionId" INTEGER NOT NULL,
    "acceptanceId" INTEGER NOT NULL,
    "enteredById" INTEGER,
    "reason" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LibraryEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NeedsRound" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "audience" TEXT NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "openedById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NeedsRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NeedsTopic" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "competency" TEXT,
    "label" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL DEFAULT 'model',

    CONSTRAINT "NeedsTopic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NeedsInvite" (
    "roundId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "teamId" INTEGER,
    "audience" TEXT NOT NULL,
    "answered" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "NeedsInvite_pkey" PRIMARY KEY ("roundId","userId")
);

-- CreateTable
CREATE TABLE "NeedsAnswer" (
    "roundId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "rank" INTEGER NOT NULL,
    "topicId" INTEGER NOT NULL,
    "teamId" INTEGER,
    "audience" TEXT NOT NULL,

    CONSTRAINT "NeedsAnswer_pkey" PRIMARY KEY ("roundId","userId","rank")
);

-- CreateTable
CREATE TABLE "NeedsProposal" (
    "id" SERIAL NOT NULL,
    "teamId" INTEGER NOT NULL,
    "competency" TEXT NOT NULL,
    "proposedById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "roundId" INTEGER,

    CONSTRAINT "NeedsProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamAudience" (
    "teamId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,

    CONSTRAINT "TeamAudience_pkey" PRIMARY KEY ("teamId")
);

-- CreateTable
CREATE TABLE "ShiftCode" (
    "code" TEXT NOT NULL,
    "startMin" INTEGER NOT NULL DEFAULT 0,
    "endMin" INTEGER NOT NULL DEFAULT 0,
    "rest" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShiftCode_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "RosterEntry" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "code" TEXT NOT NULL DEFAULT '',
    "startMin" INTEGER NOT NULL DEFAULT 0,
    "endMin" INTEGER NOT NULL DEFAULT 0,
    "rest" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "RosterEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClassSlotRule" (
    "teamId" INTEGER NOT NULL,
    "weekdays" TEXT NOT NULL DEFAULT '1,2,3,4,5',
    "morningCode" TEXT NOT NULL DEFAULT '',
    "beforeShift" BOOLEAN NOT NULL DEFAULT false,
    "afterShift" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClassSlotRule_pkey" PRIMARY KEY ("teamId")
);

-- CreateTable
CREATE TABLE "Survey" (
    "id" SERIAL NOT NULL,
    "sessionId" INTEGER NOT NULL,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "kind" TEXT NOT NULL DEFAULT 'micro',
    "courseId" INTEGER,
    "seriesId" INTEGER,
    "area" TEXT NOT NULL DEFAULT '',
    "trainerId" INTEGER NOT NULL,
    "heldOn" TIMESTAMP(3) NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "questions" TEXT NOT NULL DEFAULT '[]',

    CONSTRAINT "Survey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyInvite" (
    "surveyId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "teamId" INTEGER,

    CONSTRAINT "SurveyInvite_pkey" PRIMARY KEY ("surveyId","userId")
);

-- CreateTable
CREATE TABLE "SurveyReceipt" (
    "surveyId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,

    CONSTRAINT "SurveyReceipt_pkey" PRIMARY KEY ("surveyId","userId")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL,
    "surveyId" INTEGER NOT NULL,
    "userId" INTEGER,
    "teamId" INTEGER,
    "overall" INTEGER NOT NULL,
    "relevance" INTEGER NOT NULL,
    "helpful" INTEGER NOT NULL,
    "delivery" INTEGER NOT NULL,
    "pace" INTEGER NOT NULL,
    "recommend" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "extra" TEXT NOT NULL DEFAULT '{}',
    "submittedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3),

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyTally" (
    "surveyId" INTEGER NOT NULL,
    "teamId" INTEGER NOT NULL DEFAULT 0,
    "invited" INTEGER NOT NULL DEFAULT 0,
    "responses" INTEGER NOT NULL DEFAULT 0,
    "o1" INTEGER NOT NULL DEFAULT 0,
    "o2" INTEGER NOT NULL DEFAULT 0,
    "o3" INTEGER NOT NULL DEFAULT 0,
    "o4" INTEGER NOT NULL DEFAULT 0,
    "o5" INTEGER NOT NULL DEFAULT 0,
    "r1" INTEGER NOT NULL DEFAULT 0,
    "r2" INTEGER NOT NULL DEFAULT 0,
    "r3" INTEGER NOT NULL DEFAULT 0,
    "r4" INTEGER NOT NULL DEFAULT 0,
    "r5" INTEGER NOT NULL DEFAULT 0,
    "h1" INTEGER NOT NULL DEFAULT 0,
    "h2" INTEGER NOT NULL DEFAULT 0,
    "h3" INTEGER NOT NULL DEFAULT 0,
    "h4" INTEGER NOT NULL DEFAULT 0,
    "h5" INTEGER NOT NULL DEFAULT 0,
    "d1" INTEGER NOT NULL DEFAULT 0,
    "d2" INTEGER NOT NULL DEFAULT 0,
    "d3" INTEGER NOT NULL DEFAULT 0,
    "d4" INTEGER NOT NULL DEFAULT 0,
    "d5" INTEGER NOT NULL DEFAULT 0,
    "p1" INTEGER NOT NULL DEFAULT 0,
    "p2" INTEGER NOT NULL DEFAULT 0,
    "p3" INTEGER NOT NULL DEFAULT 0,
    "p4" INTEGER NOT NULL DEFAULT 0,
    "p5" INTEGER NOT NULL DEFAULT 0,
    "promoters" INTEGER NOT NULL DEFAULT 0,
    "passives" INTEGER NOT NULL DEFAULT 0,
    "detractors" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SurveyTally_pkey" PRIMARY KEY ("surveyId","teamId")
);

-- CreateTable
CREATE TABLE "TrainerQualification" (
    "id" SERIAL NOT NULL,
    "trainerId" INTEGER NOT NULL,
    "courseId" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "grantedById" INTEGER,
    "reason" TEXT NOT NULL DEFAULT '',
    "grantedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "projectId" INTEGER,
    "score" DOUBLE PRECISION,
    "withdrawnAt" TIMESTAMP(3),
    "withdrawnById" INTEGER,
    "withdrawReason" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "TrainerQualification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainerCertificate" (
    "id" SERIAL NOT NULL,
    "trainerId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "issuedOn" TEXT NOT NULL,
    "validUntil" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrainerCertificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrialScore" (
    "id" SERIAL NOT NULL,
    "sessionId" INTEGER NOT NULL,
    "projectId" INTEGER NOT NULL,
    "judgeId" INTEGER NOT NULL,
    "accuracy" INTEGER NOT NULL,
    "structure" INTEGER NOT NULL,
    "timing" INTEGER NOT NULL,
    "exercises" INTEGER NOT NULL,
    "delivery" INTEGER NOT NULL,
    "phrasing" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrialScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingRequest" (
    "id" SERIAL NOT NULL,
    "requesterId" INTEGER NOT NULL,
    "teamId" INTEGER,
    "courseId" INTEGER,
    "seriesId" INTEGER,
    "delivery" TEXT NOT NULL DEFAULT 'single',
    "slotKind" TEXT NOT NULL,
    "preferred" TEXT NOT NULL DEFAULT '[]',
    "need" TEXT NOT NULL,
    "priority" INTEGER NOT NULL DEFAULT 2,
    "headcount" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'submitted',
    "version" INTEGER NOT NULL DEFAULT 1,
    "trainerId" INTEGER,
    "lastReason" TEXT NOT NULL DEFAULT '',
    "clientToken" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestAttendee" (
    "requestId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,

    CONSTRAINT "RequestAttendee_pkey" PRIMARY KEY ("requestId","userId")
);

-- CreateTable
CREATE TABLE "RequestTransition" (
    "id" SERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "actorId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "fromState" TEXT NOT NULL,
    "toState" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestTransition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "params" TEXT NOT NULL DEFAULT '{}',
    "link" TEXT NOT NULL DEFAULT '',
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Room" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Room_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_TeamLeads" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_TeamLeads_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE INDEX "Assignment_withdrawnAt_createdAt_idx" ON "Assignment"("withdrawnAt", "createdAt");

-- CreateIndex
CREATE INDEX "Assignment_courseId_idx" ON "Assignment"("courseId");

-- CreateIndex
CREATE INDEX "Assignment_seriesId_idx" ON "Assignment"("seriesId");

-- CreateIndex
CREATE INDEX "AssignmentMember_userId_idx" ON "AssignmentMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "AssignmentReminder_assignmentId_userId_kind_cycle_key" ON "AssignmentReminder"("assignmentId", "userId", "kind", "cycle");

-- CreateIndex
CREATE UNIQUE INDEX "Team_name_key" ON "Team"("name");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_employeeNo_key" ON "User"("employeeNo");

-- CreateIndex
CREATE INDEX "User_teamId_idx" ON "User"("teamId");

-- CreateIndex
CREATE INDEX "User_name_idx" ON "User"("name");

-- CreateIndex
CREATE INDEX "UserRole_role_idx" ON "UserRole"("role");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_idleExpiresAt_idx" ON "Session"("idleExpiresAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_email_createdAt_idx" ON "LoginAttempt"("email", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_ip_createdAt_idx" ON "LoginAttempt"("ip", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_subjectId_idx" ON "AuditLog"("subjectId");

-- CreateIndex
CREATE INDEX "AuditLog_objectKind_objectId_idx" ON "AuditLog"("objectKind", "objectId");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_createdAt_idx" ON "AuditLog"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_action_createdAt_idx" ON "AuditLog"("action", "createdAt");

-- CreateIndex
CREATE INDEX "CourseProgress_userId_updatedAt_idx" ON "CourseProgress"("userId", "updatedAt");

-- CreateIndex
CREATE INDEX "CourseProgress_courseId_idx" ON "CourseProgress"("courseId");

-- CreateIndex
CREATE UNIQUE INDEX "CourseProgress_userId_courseVersionId_key" ON "CourseProgress"("userId", "courseVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "QuizAttempt_progressId_token_key" ON "QuizAttempt"("progressId", "token");

-- CreateIndex
CREATE INDEX "ContentProblem_path_idx" ON "ContentProblem"("path");

-- CreateIndex
CREATE INDEX "SelfAssessment_userId_createdAt_idx" ON "SelfAssessment"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SelfAssessment_userId_period_key" ON "SelfAssessment"("userId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "Series_slug_key" ON "Series"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Course_slug_key" ON "Course"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Course_currentVersionId_key" ON "Course"("currentVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "Course_liveVersionId_key" ON "Course"("liveVersionId");

-- CreateIndex
CREATE INDEX "Course_seriesId_position_idx" ON "Course"("seriesId", "position");

-- CreateIndex
CREATE INDEX "Course_status_idx" ON "Course"("status");

-- CreateIndex
CREATE INDEX "CourseVersion_courseId_contentHash_idx" ON "CourseVersion"("courseId", "contentHash");

-- CreateIndex
CREATE UNIQUE INDEX "CourseVersion_courseId_version_key" ON "CourseVersion"("courseId", "version");

-- CreateIndex
CREATE INDEX "TrainingSession_trainerId_startsAt_idx" ON "TrainingSession"("trainerId", "startsAt");

-- CreateIndex
CREATE INDEX "TrainingSession_startsAt_idx" ON "TrainingSession"("startsAt");

-- CreateIndex
CREATE INDEX "TrainingSession_courseId_idx" ON "TrainingSession"("courseId");

-- CreateIndex
CREATE INDEX "TrainingSession_trialProjectId_idx" ON "TrainingSession"("trialProjectId");

-- CreateIndex
CREATE INDEX "SessionAttendee_userId_idx" ON "SessionAttendee"("userId");

-- CreateIndex
CREATE INDEX "CourseProject_stage_id_idx" ON "CourseProject"("stage", "id");

-- CreateIndex
CREATE INDEX "CourseProject_ownerId_id_idx" ON "CourseProject"("ownerId", "id");

-- CreateIndex
CREATE INDEX "ProjectMember_userId_idx" ON "ProjectMember"("userId");

-- CreateIndex
CREATE INDEX "ProjectMilestone_projectId_dueOn_idx" ON "ProjectMilestone"("projectId", "dueOn");

-- CreateIndex
CREATE INDEX "ProjectCourse_courseId_idx" ON "ProjectCourse"("courseId");

-- CreateIndex
CREATE INDEX "VersionComment_projectId_courseVersionId_doneAt_idx" ON "VersionComment"("projectId", "courseVersionId", "doneAt");

-- CreateIndex
CREATE UNIQUE INDEX "ExamContentVersion_kind_key_contentHash_key" ON "ExamContentVersion"("kind", "key", "contentHash");

-- CreateIndex
CREATE UNIQUE INDEX "ExamAttempt_tokenHash_key" ON "ExamAttempt"("tokenHash");

-- CreateIndex
CREATE INDEX "ExamAttempt_userId_exam_startedAt_idx" ON "ExamAttempt"("userId", "exam", "startedAt");

-- CreateIndex
CREATE INDEX "ExamAttempt_status_expiresAt_idx" ON "ExamAttempt"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "ExamAttempt_sittingId_idx" ON "ExamAttempt"("sittingId");

-- CreateIndex
CREATE INDEX "ExamEvent_attemptId_type_ref_idx" ON "ExamEvent"("attemptId", "type", "ref");

-- CreateIndex
CREATE UNIQUE INDEX "ExamEvent_attemptId_seq_key" ON "ExamEvent"("attemptId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "ExamResult_attemptId_key" ON "ExamResult"("attemptId");

-- CreateIndex
CREATE INDEX "ExamResult_userId_exam_createdAt_idx" ON "ExamResult"("userId", "exam", "createdAt");

-- CreateIndex
CREATE INDEX "ExamResult_exam_createdAt_idx" ON "ExamResult"("exam", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DrillScore_resultId_key" ON "DrillScore"("resultId");

-- CreateIndex
CREATE UNIQUE INDEX "DrillScore_supersedesId_key" ON "DrillScore"("supersedesId");

-- CreateIndex
CREATE INDEX "DrillScore_trainerId_createdAt_idx" ON "DrillScore"("trainerId", "createdAt");

-- CreateIndex
CREATE INDEX "DrillScore_sittingId_idx" ON "DrillScore"("sittingId");

-- CreateIndex
CREATE INDEX "PracticeSitting_trainerId_day_idx" ON "PracticeSitting"("trainerId", "day");

-- CreateIndex
CREATE INDEX "PracticeAttendee_userId_idx" ON "PracticeAttendee"("userId");

-- CreateIndex
CREATE INDEX "ExamAttemptGrant_userId_exam_usedAt_idx" ON "ExamAttemptGrant"("userId", "exam", "usedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ExamSitting_code_key" ON "ExamSitting"("code");

-- CreateIndex
CREATE INDEX "ExamSitting_closesAt_idx" ON "ExamSitting"("closesAt");

-- CreateIndex
CREATE INDEX "ExamSittingMember_userId_idx" ON "ExamSittingMember"("userId");

-- CreateIndex
CREATE INDEX "CourseAcceptance_courseVersionId_decision_idx" ON "CourseAcceptance"("courseVersionId", "decision");

-- CreateIndex
CREATE INDEX "CourseAcceptance_courseId_createdAt_idx" ON "CourseAcceptance"("courseId", "createdAt");

-- CreateIndex
CREATE INDEX "LibraryEntry_courseId_createdAt_idx" ON "LibraryEntry"("courseId", "createdAt");

-- CreateIndex
CREATE INDEX "NeedsRound_closesAt_idx" ON "NeedsRound"("closesAt");

-- CreateIndex
CREATE UNIQUE INDEX "NeedsTopic_roundId_position_key" ON "NeedsTopic"("roundId", "position");

-- CreateIndex
CREATE INDEX "NeedsInvite_userId_idx" ON "NeedsInvite"("userId");

-- CreateIndex
CREATE INDEX "NeedsAnswer_roundId_topicId_rank_idx" ON "NeedsAnswer"("roundId", "topicId", "rank");

-- CreateIndex
CREATE UNIQUE INDEX "NeedsAnswer_roundId_userId_topicId_key" ON "NeedsAnswer"("roundId", "userId", "topicId");

-- CreateIndex
CREATE INDEX "NeedsProposal_roundId_idx" ON "NeedsProposal"("roundId");

-- CreateIndex
CREATE INDEX "RosterEntry_userId_day_idx" ON "RosterEntry"("userId", "day");

-- CreateIndex
CREATE INDEX "RosterEntry_day_idx" ON "RosterEntry"("day");

-- CreateIndex
CREATE UNIQUE INDEX "Survey_sessionId_key" ON "Survey"("sessionId");

-- CreateIndex
CREATE INDEX "Survey_heldOn_idx" ON "Survey"("heldOn");

-- CreateIndex
CREATE INDEX "Survey_trainerId_heldOn_idx" ON "Survey"("trainerId", "heldOn");

-- CreateIndex
CREATE INDEX "Survey_courseId_idx" ON "Survey"("courseId");

-- CreateIndex
CREATE INDEX "SurveyInvite_userId_idx" ON "SurveyInvite"("userId");

-- CreateIndex
CREATE INDEX "SurveyResponse_surveyId_teamId_idx" ON "SurveyResponse"("surveyId", "teamId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_surveyId_userId_key" ON "SurveyResponse"("surveyId", "userId");

-- CreateIndex
CREATE INDEX "TrainerQualification_trainerId_courseId_idx" ON "TrainerQualification"("trainerId", "courseId");

-- CreateIndex
CREATE INDEX "TrainerQualification_courseId_withdrawnAt_idx" ON "TrainerQualification"("courseId", "withdrawnAt");

-- CreateIndex
CREATE INDEX "TrainerCertificate_trainerId_idx" ON "TrainerCertificate"("trainerId");

-- CreateIndex
CREATE INDEX "TrialScore_projectId_idx" ON "TrialScore"("projectId");

-- CreateIndex
CREATE INDEX "TrialScore_judgeId_idx" ON "TrialScore"("judgeId");

-- CreateIndex
CREATE UNIQUE INDEX "TrialScore_sessionId_judgeId_key" ON "TrialScore"("sessionId", "judgeId");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingRequest_clientToken_key" ON "TrainingRequest"("clientToken");

-- CreateIndex
CREATE INDEX "TrainingRequest_state_priority_createdAt_idx" ON "TrainingRequest"("state", "priority", "createdAt");

-- CreateIndex
CREATE INDEX "TrainingRequest_requesterId_createdAt_idx" ON "TrainingRequest"("requesterId", "createdAt");

-- CreateIndex
CREATE INDEX "TrainingRequest_teamId_createdAt_idx" ON "TrainingRequest"("teamId", "createdAt");

-- CreateIndex
CREATE INDEX "TrainingRequest_createdAt_idx" ON "TrainingRequest"("createdAt");

-- CreateIndex
CREATE INDEX "TrainingRequest_priority_createdAt_idx" ON "TrainingRequest"("priority" DESC, "createdAt");

-- CreateIndex
CREATE INDEX "RequestAttendee_userId_idx" ON "RequestAttendee"("userId");

-- CreateIndex
CREATE INDEX "RequestTransition_requestId_id_idx" ON "RequestTransition"("requestId", "id");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Room_name_key" ON "Room"("name");

-- CreateIndex
CREATE INDEX "_TeamLeads_B_index" ON "_TeamLeads"("B");

-- AddForeignKey
ALTER TABLE "AssignmentMember" ADD CONSTRAINT "AssignmentMember_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentReminder" ADD CONSTRAINT "AssignmentReminder_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserRole" ADD CONSTRAINT "UserRole_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseProgress" ADD CONSTRAINT "CourseProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseProgress" ADD CONSTRAINT "CourseProgress_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseProgress" ADD CONSTRAINT "CourseProgress_courseVersionId_fkey" FOREIGN KEY ("courseVersionId") REFERENCES "CourseVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizAttempt" ADD CONSTRAINT "QuizAttempt_progressId_fkey" FOREIGN KEY ("progressId") REFERENCES "CourseProgress"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelfAssessment" ADD CONSTRAINT "SelfAssessment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Course" ADD CONSTRAINT "Course_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "Series"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Course" ADD CONSTRAINT "Course_currentVersionId_fkey" FOREIGN KEY ("currentVersionId") REFERENCES "CourseVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Course" ADD CONSTRAINT "Course_liveVersionId_fkey" FOREIGN KEY ("liveVersionId") REFERENCES "CourseVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseVersion" ADD CONSTRAINT "CourseVersion_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingSession" ADD CONSTRAINT "TrainingSession_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingSession" ADD CONSTRAINT "TrainingSession_trainerId_fkey" FOREIGN KEY ("trainerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionAttendee" ADD CONSTRAINT "SessionAttendee_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TrainingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionAttendee" ADD CONSTRAINT "SessionAttendee_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseProject" ADD CONSTRAINT "CourseProject_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMember" ADD CONSTRAINT "ProjectMember_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "CourseProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMember" ADD CONSTRAINT "ProjectMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMilestone" ADD CONSTRAINT "ProjectMilestone_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "CourseProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectCourse" ADD CONSTRAINT "ProjectCourse_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "CourseProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectCourse" ADD CONSTRAINT "ProjectCourse_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionComment" ADD CONSTRAINT "VersionComment_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "CourseProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionComment" ADD CONSTRAINT "VersionComment_courseVersionId_fkey" FOREIGN KEY ("courseVersionId") REFERENCES "CourseVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionComment" ADD CONSTRAINT "VersionComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionComment" ADD CONSTRAINT "VersionComment_doneById_fkey" FOREIGN KEY ("doneById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamAttempt" ADD CONSTRAINT "ExamAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamAttempt" ADD CONSTRAINT "ExamAttempt_contentVersionId_fkey" FOREIGN KEY ("contentVersionId") REFERENCES "ExamContentVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamAttempt" ADD CONSTRAINT "ExamAttempt_sittingId_fkey" FOREIGN KEY ("sittingId") REFERENCES "ExamSitting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamAttempt" ADD CONSTRAINT "ExamAttempt_voidedById_fkey" FOREIGN KEY ("voidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamLog" ADD CONSTRAINT "ExamLog_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "ExamAttempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TypingBatch" ADD CONSTRAINT "TypingBatch_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "ExamAttempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamEvent" ADD CONSTRAINT "ExamEvent_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "ExamAttempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamResult" ADD CONSTRAINT "ExamResult_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamResult" ADD CONSTRAINT "ExamResult_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "ExamAttempt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrillScore" ADD CONSTRAINT "DrillScore_resultId_fkey" FOREIGN KEY ("resultId") REFERENCES "ExamResult"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrillScore" ADD CONSTRAINT "DrillScore_trainerId_fkey" FOREIGN KEY ("trainerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrillScore" ADD CONSTRAINT "DrillScore_sittingId_fkey" FOREIGN KEY ("sittingId") REFERENCES "PracticeSitting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrillScore" ADD CONSTRAINT "DrillScore_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "DrillScore"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeSitting" ADD CONSTRAINT "PracticeSitting_trainerId_fkey" FOREIGN KEY ("trainerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeAttendee" ADD CONSTRAINT "PracticeAttendee_sittingId_fkey" FOREIGN KEY ("sittingId") REFERENCES "PracticeSitting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeAttendee" ADD CONSTRAINT "PracticeAttendee_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamAttemptGrant" ADD CONSTRAINT "ExamAttemptGrant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamAttemptGrant" ADD CONSTRAINT "ExamAttemptGrant_grantedById_fkey" FOREIGN KEY ("grantedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamSitting" ADD CONSTRAINT "ExamSitting_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamSittingMember" ADD CONSTRAINT "ExamSittingMember_sittingId_fkey" FOREIGN KEY ("sittingId") REFERENCES "ExamSitting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamSittingMember" ADD CONSTRAINT "ExamSittingMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseAcceptance" ADD CONSTRAINT "CourseAcceptance_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseAcceptance" ADD CONSTRAINT "CourseAcceptance_courseVersionId_fkey" FOREIGN KEY ("courseVersionId") REFERENCES "CourseVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseAcceptance" ADD CONSTRAINT "CourseAcceptance_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LibraryEntry" ADD CONSTRAINT "LibraryEntry_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LibraryEntry" ADD CONSTRAINT "LibraryEntry_courseVersionId_fkey" FOREIGN KEY ("courseVersionId") REFERENCES "CourseVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LibraryEntry" ADD CONSTRAINT "LibraryEntry_acceptanceId_fkey" FOREIGN KEY ("acceptanceId") REFERENCES "CourseAcceptance"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LibraryEntry" ADD CONSTRAINT "LibraryEntry_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedsTopic" ADD CONSTRAINT "NeedsTopic_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "NeedsRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedsInvite" ADD CONSTRAINT "NeedsInvite_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "NeedsRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedsAnswer" ADD CONSTRAINT "NeedsAnswer_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "NeedsRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedsAnswer" ADD CONSTRAINT "NeedsAnswer_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "NeedsTopic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedsProposal" ADD CONSTRAINT "NeedsProposal_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "NeedsRound"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RosterEntry" ADD CONSTRAINT "RosterEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassSlotRule" ADD CONSTRAINT "ClassSlotRule_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TrainingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyInvite" ADD CONSTRAINT "SurveyInvite_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyReceipt" ADD CONSTRAINT "SurveyReceipt_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyTally" ADD CONSTRAINT "SurveyTally_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainerQualification" ADD CONSTRAINT "TrainerQualification_trainerId_fkey" FOREIGN KEY ("trainerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainerQualification" ADD CONSTRAINT "TrainerQualification_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainerCertificate" ADD CONSTRAINT "TrainerCertificate_trainerId_fkey" FOREIGN KEY ("trainerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrialScore" ADD CONSTRAINT "TrialScore_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TrainingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrialScore" ADD CONSTRAINT "TrialScore_judgeId_fkey" FOREIGN KEY ("judgeId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRequest" ADD CONSTRAINT "TrainingRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRequest" ADD CONSTRAINT "TrainingRequest_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRequest" ADD CONSTRAINT "TrainingRequest_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRequest" ADD CONSTRAINT "TrainingRequest_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "Series"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestAttendee" ADD CONSTRAINT "RequestAttendee_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "TrainingRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestAttendee" ADD CONSTRAINT "RequestAttendee_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestTransition" ADD CONSTRAINT "RequestTransition_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "TrainingRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestTransition" ADD CONSTRAINT "RequestTransition_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_TeamLeads" ADD CONSTRAINT "_TeamLeads_A_fkey" FOREIGN KEY ("A") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_TeamLeads" ADD CONSTRAINT "_TeamLeads_B_fkey" FOREIGN KEY ("B") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
