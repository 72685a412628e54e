-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('DISTRICT_OFFICIAL', 'STAFF', 'RESIDENT');

-- CreateEnum
CREATE TYPE "ProjectRole" AS ENUM ('COMMANDER', 'SECRETARY');

-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('STREET_OFFICE', 'RESIDENTS_COMMITTEE', 'EXPROPRIATION_OFFICE', 'PUBLIC_HOUSING_MANAGER', 'ENTERPRISE_PARTY_ORG', 'LAW_FIRM', 'OTHER');

-- CreateEnum
CREATE TYPE "ProjectKind" AS ENUM ('OLD_DISTRICT', 'SHANTYTOWN', 'VILLAGE');

-- CreateEnum
CREATE TYPE "ProjectPhase" AS ENUM ('PREPARATION', 'NOTICE', 'FIRST_CONSULTATION', 'SIGNING', 'RELOCATION', 'CLEARED', 'CLOSED');

-- CreateEnum
CREATE TYPE "CountingUnit" AS ENUM ('CERTIFICATE', 'HOUSEHOLD', 'DWELLING');

-- CreateEnum
CREATE TYPE "PartyBranchKind" AS ENUM ('TEMPORARY', 'JOINT');

-- CreateEnum
CREATE TYPE "ConferenceLevel" AS ENUM ('DISTRICT', 'AREA', 'STREET', 'PROJECT');

-- CreateEnum
CREATE TYPE "ConferenceIssueStatus" AS ENUM ('OPEN', 'DECIDED', 'CLOSED');

-- CreateEnum
CREATE TYPE "WorkingGroupKind" AS ENUM ('SIGNING', 'SPECIAL');

-- CreateEnum
CREATE TYPE "GroupSpecialty" AS ENUM ('POLICY_CONSULTATION', 'PETITION_MEDIATION', 'RESIDENT_PROBLEMS', 'PEOPLES_MEDIATION', 'PAIRING_ASSISTANCE', 'PUBLICITY', 'COORDINATION', 'POLICY_LAW', 'PLANNING', 'PERMITS', 'RENTAL_CLEARANCE', 'PUBLICITY_OPINION', 'ARCHIVES', 'ILLEGAL_CONSTRUCTION', 'PETITION_STABILITY');

-- CreateEnum
CREATE TYPE "GroupRole" AS ENUM ('LEADER', 'MEMBER');

-- CreateEnum
CREATE TYPE "Tenure" AS ENUM ('PUBLIC_LEASE', 'PRIVATE_PROPERTY', 'OTHER');

-- CreateEnum
CREATE TYPE "OwnerLocation" AS ENUM ('LOCAL', 'OTHER_CITY', 'OTHER_PROVINCE', 'HK_MACAO_TW', 'OVERSEAS');

-- CreateEnum
CREATE TYPE "Vote" AS ENUM ('AGREE', 'DISAGREE');

-- CreateEnum
CREATE TYPE "SigningChannel" AS ENUM ('ON_SITE', 'HOME_VISIT', 'REMOTE_VIDEO', 'NOTARIZED_PROXY');

-- CreateEnum
CREATE TYPE "DeterminationKind" AS ENUM ('POPULATION', 'AREA', 'VALUATION', 'COMPENSATION');

-- CreateEnum
CREATE TYPE "DeterminationStatus" AS ENUM ('DRAFT', 'DISCLOSED', 'FINAL');

-- CreateEnum
CREATE TYPE "CompensationItemKind" AS ENUM ('VALUATION_TIMES_AREA', 'PRICE_SUBSIDY_PERCENT', 'FIXED_DWELLING_SUBSIDY', 'PER_PERSON_SUBSIDY', 'SIGNING_BONUS', 'MOVE_OUT_BONUS');

-- CreateEnum
CREATE TYPE "TaskKind" AS ENUM ('HOME_VISIT', 'PHONE_CALL', 'POLICY_BRIEFING', 'MEDIATION', 'ASSISTANCE', 'SIGNING_APPOINTMENT');

-- CreateEnum
CREATE TYPE "TaskPriority" AS ENUM ('LOW', 'NORMAL', 'HIGH', 'URGENT');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "VisitChannel" AS ENUM ('DOOR', 'PHONE', 'WECHAT', 'VIDEO', 'RECEPTION');

-- CreateEnum
CREATE TYPE "Attitude" AS ENUM ('SUPPORTIVE', 'HESITANT', 'OPPOSED');

-- CreateEnum
CREATE TYPE "DemandCategory" AS ENUM ('COMPENSATION', 'RESETTLEMENT_HOUSING', 'FAMILY_DISPUTE', 'HARDSHIP', 'POLICY_QUESTION', 'OTHER');

-- CreateEnum
CREATE TYPE "DemandStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'ESCALATED', 'RESOLVED');

-- CreateEnum
CREATE TYPE "MeetingKind" AS ENUM ('BRANCH_MEETING', 'JOINT_CONFERENCE', 'COORDINATION', 'RESIDENT_FORUM', 'LEADER_STANDUP', 'HEARING', 'EVALUATION');

-- CreateEnum
CREATE TYPE "NoticeKind" AS ENUM ('ANNOUNCEMENT', 'POLICY', 'DETERMINATIONS', 'VALUATION', 'HOUSING', 'PROGRESS');

-- CreateEnum
CREATE TYPE "AppointmentMode" AS ENUM ('IN_PERSON', 'VIDEO');

-- CreateEnum
CREATE TYPE "AppointmentStatus" AS ENUM ('BOOKED', 'CANCELLED', 'ATTENDED');

-- CreateEnum
CREATE TYPE "DailyReportStatus" AS ENUM ('DRAFT', 'SUBMITTED');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "role" "UserRole" NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "passwordHash" TEXT NOT NULL,
    "isPartyMember" BOOLEAN NOT NULL DEFAULT false,
    "unitId" UUID,
    "householdId" UUID,
    "disabledAt" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectMembership" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "ProjectRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lastFailureAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "UnitKind" NOT NULL,
    "district" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ProjectKind" NOT NULL,
    "district" TEXT NOT NULL,
    "street" TEXT NOT NULL,
    "phase" "ProjectPhase" NOT NULL DEFAULT 'PREPARATION',
    "noticeStart" DATE,
    "noticeEnd" DATE,
    "consultationStart" DATE,
    "consultationEnd" DATE,
    "signingStart" DATE,
    "signingEnd" DATE,
    "firstRoundThreshold" DECIMAL(5,4) NOT NULL DEFAULT 0.9,
    "signingThreshold" DECIMAL(5,4) NOT NULL DEFAULT 0.85,
    "countingUnit" "CountingUnit" NOT NULL DEFAULT 'HOUSEHOLD',
    "isPublished" BOOLEAN NOT NULL DEFAULT false,
    "agreementsEffectiveAt" TIMESTAMP(3),
    "signingFailedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartyBranch" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "PartyBranchKind" NOT NULL DEFAULT 'TEMPORARY',
    "secretaryId" UUID,
    "establishedAt" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartyBranch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartyBranchMember" (
    "id" UUID NOT NULL,
    "branchId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "unitId" UUID,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartyBranchMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartyGroup" (
    "id" UUID NOT NULL,
    "branchId" UUID NOT NULL,
    "workingGroupId" UUID,
    "name" TEXT NOT NULL,
    "leaderId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartyGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JointConference" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "level" "ConferenceLevel" NOT NULL,
    "district" TEXT NOT NULL,
    "projectId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JointConference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JointConferenceMember" (
    "id" UUID NOT NULL,
    "conferenceId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "isConvenor" BOOLEAN NOT NULL DEFAULT false,
    "isRotatingConvenor" BOOLEAN NOT NULL DEFAULT false,
    "termStart" DATE,
    "termEnd" DATE,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JointConferenceMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConferenceIssue" (
    "id" UUID NOT NULL,
    "conferenceId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "status" "ConferenceIssueStatus" NOT NULL DEFAULT 'OPEN',
    "decision" TEXT,
    "meetingId" UUID,
    "raisedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "ConferenceIssue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkingGroup" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "kind" "WorkingGroupKind" NOT NULL,
    "specialty" "GroupSpecialty",
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkingGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkingGroupMember" (
    "id" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "GroupRole" NOT NULL DEFAULT 'MEMBER',
    "unitId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkingGroupMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Household" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "lane" TEXT,
    "building" TEXT NOT NULL,
    "number" TEXT,
    "room" TEXT,
    "address" TEXT NOT NULL,
    "tenure" "Tenure" NOT NULL,
    "headName" TEXT NOT NULL,
    "phone" TEXT,
    "registeredPopulation" INTEGER NOT NULL DEFAULT 0,
    "residentCount" INTEGER NOT NULL DEFAULT 0,
    "floorArea" DECIMAL(10,2) NOT NULL,
    "livingArea" DECIMAL(10,2),
    "ownerLocation" "OwnerLocation" NOT NULL DEFAULT 'LOCAL',
    "isPartyMemberHousehold" BOOLEAN NOT NULL DEFAULT false,
    "isHardship" BOOLEAN NOT NULL DEFAULT false,
    "isElderlySickDisabled" BOOLEAN NOT NULL DEFAULT false,
    "hasFamilyDispute" BOOLEAN NOT NULL DEFAULT false,
    "signingGroupId" UUID,
    "firstRoundVote" "Vote",
    "firstRoundVotedAt" TIMESTAMP(3),
    "movedOutAt" TIMESTAMP(3),
    "handedOverAt" TIMESTAMP(3),
    "isExcluded" BOOLEAN NOT NULL DEFAULT false,
    "exclusionReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Household_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Signing" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "householdId" UUID NOT NULL,
    "agreementNumber" TEXT NOT NULL,
    "channel" "SigningChannel" NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL,
    "recordedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Signing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HouseholdMember" (
    "id" UUID NOT NULL,
    "householdId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "relation" TEXT NOT NULL,
    "idNumberCipher" TEXT,
    "idNumberMasked" TEXT,
    "isPartyMember" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HouseholdMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Determination" (
    "id" UUID NOT NULL,
    "householdId" UUID NOT NULL,
    "kind" "DeterminationKind" NOT NULL,
    "status" "DeterminationStatus" NOT NULL DEFAULT 'DRAFT',
    "population" INTEGER,
    "amount" DECIMAL(14,2),
    "details" JSONB,
    "disclosureStart" DATE,
    "disclosureEnd" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Determination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Objection" (
    "id" UUID NOT NULL,
    "determinationId" UUID NOT NULL,
    "raisedBy" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "raisedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolution" TEXT,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "Objection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompensationPolicy" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "guaranteedMinimum" DECIMAL(14,2),
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CompensationPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompensationItem" (
    "id" UUID NOT NULL,
    "policyId" UUID NOT NULL,
    "kind" "CompensationItemKind" NOT NULL,
    "label" TEXT NOT NULL,
    "amount" DECIMAL(14,2),
    "rate" DECIMAL(7,4),
    "deadline" TIMESTAMP(3),
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CompensationItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "householdId" UUID NOT NULL,
    "assigneeId" UUID NOT NULL,
    "assignedById" UUID,
    "kind" "TaskKind" NOT NULL,
    "dueDate" DATE NOT NULL,
    "priority" "TaskPriority" NOT NULL DEFAULT 'NORMAL',
    "status" "TaskStatus" NOT NULL DEFAULT 'OPEN',
    "note" TEXT,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisitLog" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "householdId" UUID NOT NULL,
    "authorId" UUID,
    "taskId" UUID,
    "visitedAt" TIMESTAMP(3) NOT NULL,
    "channel" "VisitChannel" NOT NULL,
    "summary" TEXT NOT NULL,
    "attitude" "Attitude",
    "nextStep" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VisitLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisitParticipant" (
    "visitLogId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "VisitParticipant_pkey" PRIMARY KEY ("visitLogId","userId")
);

-- CreateTable
CREATE TABLE "Demand" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "householdId" UUID NOT NULL,
    "category" "DemandCategory" NOT NULL,
    "status" "DemandStatus" NOT NULL DEFAULT 'OPEN',
    "description" TEXT NOT NULL,
    "routedGroupId" UUID,
    "escalatedConferenceId" UUID,
    "escalatedAt" TIMESTAMP(3),
    "resolution" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "raisedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Demand_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" UUID NOT NULL,
    "kind" "MeetingKind" NOT NULL,
    "title" TEXT NOT NULL,
    "projectId" UUID,
    "conferenceId" UUID,
    "heldAt" TIMESTAMP(3) NOT NULL,
    "location" TEXT,
    "minutes" TEXT,
    "decisions" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingAttendee" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "userId" UUID,
    "name" TEXT NOT NULL,
    "unitId" UUID,

    CONSTRAINT "MeetingAttendee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "kind" "NoticeKind" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "attachments" JSONB NOT NULL DEFAULT '[]',
    "publishedAt" TIMESTAMP(3),
    "disclosureStart" DATE,
    "disclosureEnd" DATE,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReceptionSlot" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "room" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "capacity" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ReceptionSlot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Appointment" (
    "id" UUID NOT NULL,
    "slotId" UUID NOT NULL,
    "householdId" UUID NOT NULL,
    "mode" "AppointmentMode" NOT NULL DEFAULT 'IN_PERSON',
    "status" "AppointmentStatus" NOT NULL DEFAULT 'BOOKED',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Appointment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DailyReport" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "reportDate" DATE NOT NULL,
    "signedCount" INTEGER NOT NULL DEFAULT 0,
    "visitCount" INTEGER NOT NULL DEFAULT 0,
    "problems" TEXT,
    "nextPlan" TEXT,
    "status" "DailyReportStatus" NOT NULL DEFAULT 'DRAFT',
    "authorId" UUID,
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DailyReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "projectId" UUID,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "userAgent" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_phone_key" ON "User"("phone");

-- CreateIndex
CREATE INDEX "User_householdId_idx" ON "User"("householdId");

-- CreateIndex
CREATE INDEX "User_unitId_idx" ON "User"("unitId");

-- CreateIndex
CREATE INDEX "ProjectMembership_userId_idx" ON "ProjectMembership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectMembership_projectId_userId_key" ON "ProjectMembership"("projectId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_name_key" ON "Unit"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Project_code_key" ON "Project"("code");

-- CreateIndex
CREATE INDEX "Project_kind_phase_idx" ON "Project"("kind", "phase");

-- CreateIndex
CREATE UNIQUE INDEX "PartyBranch_projectId_key" ON "PartyBranch"("projectId");

-- CreateIndex
CREATE INDEX "PartyBranchMember_userId_idx" ON "PartyBranchMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "PartyBranchMember_branchId_userId_key" ON "PartyBranchMember"("branchId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "PartyGroup_workingGroupId_key" ON "PartyGroup"("workingGroupId");

-- CreateIndex
CREATE INDEX "PartyGroup_branchId_idx" ON "PartyGroup"("branchId");

-- CreateIndex
CREATE INDEX "JointConference_projectId_idx" ON "JointConference"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "JointConferenceMember_conferenceId_unitId_key" ON "JointConferenceMember"("conferenceId", "unitId");

-- CreateIndex
CREATE INDEX "ConferenceIssue_conferenceId_status_idx" ON "ConferenceIssue"("conferenceId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "WorkingGroup_projectId_name_key" ON "WorkingGroup"("projectId", "name");

-- CreateIndex
CREATE INDEX "WorkingGroupMember_userId_idx" ON "WorkingGroupMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkingGroupMember_groupId_userId_key" ON "WorkingGroupMember"("groupId", "userId");

-- CreateIndex
CREATE INDEX "Household_projectId_building_idx" ON "Household"("projectId", "building");

-- CreateIndex
CREATE INDEX "Household_signingGroupId_idx" ON "Household"("signingGroupId");

-- CreateIndex
CREATE UNIQUE INDEX "Household_projectId_code_key" ON "Household"("projectId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Signing_householdId_key" ON "Signing"("householdId");

-- CreateIndex
CREATE INDEX "Signing_projectId_signedAt_idx" ON "Signing"("projectId", "signedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Signing_projectId_agreementNumber_key" ON "Signing"("projectId", "agreementNumber");

-- CreateIndex
CREATE INDEX "HouseholdMember_householdId_idx" ON "HouseholdMember"("householdId");

-- CreateIndex
CREATE UNIQUE INDEX "Determination_householdId_kind_key" ON "Determination"("householdId", "kind");

-- CreateIndex
CREATE INDEX "Objection_determinationId_idx" ON "Objection"("determinationId");

-- CreateIndex
CREATE INDEX "CompensationPolicy_projectId_idx" ON "CompensationPolicy"("projectId");

-- CreateIndex
CREATE INDEX "CompensationItem_policyId_idx" ON "CompensationItem"("policyId");

-- CreateIndex
CREATE INDEX "Task_assigneeId_status_dueDate_idx" ON "Task"("assigneeId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "Task_projectId_status_dueDate_idx" ON "Task"("projectId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "Task_householdId_idx" ON "Task"("householdId");

-- CreateIndex
CREATE UNIQUE INDEX "VisitLog_taskId_key" ON "VisitLog"("taskId");

-- CreateIndex
CREATE INDEX "VisitLog_projectId_visitedAt_idx" ON "VisitLog"("projectId", "visitedAt");

-- CreateIndex
CREATE INDEX "VisitLog_householdId_visitedAt_idx" ON "VisitLog"("householdId", "visitedAt");

-- CreateIndex
CREATE INDEX "VisitParticipant_userId_idx" ON "VisitParticipant"("userId");

-- CreateIndex
CREATE INDEX "Demand_projectId_status_idx" ON "Demand"("projectId", "status");

-- CreateIndex
CREATE INDEX "Demand_householdId_idx" ON "Demand"("householdId");

-- CreateIndex
CREATE INDEX "Meeting_projectId_heldAt_idx" ON "Meeting"("projectId", "heldAt");

-- CreateIndex
CREATE INDEX "Meeting_conferenceId_heldAt_idx" ON "Meeting"("conferenceId", "heldAt");

-- CreateIndex
CREATE INDEX "MeetingAttendee_meetingId_idx" ON "MeetingAttendee"("meetingId");

-- CreateIndex
CREATE INDEX "Notice_projectId_publishedAt_idx" ON "Notice"("projectId", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReceptionSlot_projectId_room_startsAt_key" ON "ReceptionSlot"("projectId", "room", "startsAt");

-- CreateIndex
CREATE INDEX "Appointment_householdId_idx" ON "Appointment"("householdId");

-- CreateIndex
CREATE UNIQUE INDEX "Appointment_slotId_householdId_key" ON "Appointment"("slotId", "householdId");

-- CreateIndex
CREATE INDEX "DailyReport_projectId_reportDate_idx" ON "DailyReport"("projectId", "reportDate");

-- CreateIndex
CREATE UNIQUE INDEX "DailyReport_groupId_reportDate_key" ON "DailyReport"("groupId", "reportDate");

-- CreateIndex
CREATE INDEX "AuditEvent_entity_entityId_createdAt_idx" ON "AuditEvent"("entity", "entityId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_projectId_createdAt_idx" ON "AuditEvent"("projectId", "createdAt");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMembership" ADD CONSTRAINT "ProjectMembership_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMembership" ADD CONSTRAINT "ProjectMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyBranch" ADD CONSTRAINT "PartyBranch_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyBranch" ADD CONSTRAINT "PartyBranch_secretaryId_fkey" FOREIGN KEY ("secretaryId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyBranchMember" ADD CONSTRAINT "PartyBranchMember_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "PartyBranch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyBranchMember" ADD CONSTRAINT "PartyBranchMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyBranchMember" ADD CONSTRAINT "PartyBranchMember_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyGroup" ADD CONSTRAINT "PartyGroup_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "PartyBranch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyGroup" ADD CONSTRAINT "PartyGroup_workingGroupId_fkey" FOREIGN KEY ("workingGroupId") REFERENCES "WorkingGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyGroup" ADD CONSTRAINT "PartyGroup_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointConference" ADD CONSTRAINT "JointConference_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointConferenceMember" ADD CONSTRAINT "JointConferenceMember_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "JointConference"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointConferenceMember" ADD CONSTRAINT "JointConferenceMember_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConferenceIssue" ADD CONSTRAINT "ConferenceIssue_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "JointConference"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConferenceIssue" ADD CONSTRAINT "ConferenceIssue_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkingGroup" ADD CONSTRAINT "WorkingGroup_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkingGroupMember" ADD CONSTRAINT "WorkingGroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "WorkingGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkingGroupMember" ADD CONSTRAINT "WorkingGroupMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkingGroupMember" ADD CONSTRAINT "WorkingGroupMember_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Household" ADD CONSTRAINT "Household_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Household" ADD CONSTRAINT "Household_signingGroupId_fkey" FOREIGN KEY ("signingGroupId") REFERENCES "WorkingGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signing" ADD CONSTRAINT "Signing_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signing" ADD CONSTRAINT "Signing_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signing" ADD CONSTRAINT "Signing_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdMember" ADD CONSTRAINT "HouseholdMember_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Determination" ADD CONSTRAINT "Determination_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_determinationId_fkey" FOREIGN KEY ("determinationId") REFERENCES "Determination"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompensationPolicy" ADD CONSTRAINT "CompensationPolicy_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompensationItem" ADD CONSTRAINT "CompensationItem_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "CompensationPolicy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitLog" ADD CONSTRAINT "VisitLog_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitLog" ADD CONSTRAINT "VisitLog_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitLog" ADD CONSTRAINT "VisitLog_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitLog" ADD CONSTRAINT "VisitLog_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitParticipant" ADD CONSTRAINT "VisitParticipant_visitLogId_fkey" FOREIGN KEY ("visitLogId") REFERENCES "VisitLog"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitParticipant" ADD CONSTRAINT "VisitParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Demand" ADD CONSTRAINT "Demand_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Demand" ADD CONSTRAINT "Demand_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Demand" ADD CONSTRAINT "Demand_routedGroupId_fkey" FOREIGN KEY ("routedGroupId") REFERENCES "WorkingGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Demand" ADD CONSTRAINT "Demand_escalatedConferenceId_fkey" FOREIGN KEY ("escalatedConferenceId") REFERENCES "JointConference"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Demand" ADD CONSTRAINT "Demand_raisedById_fkey" FOREIGN KEY ("raisedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_conferenceId_fkey" FOREIGN KEY ("conferenceId") REFERENCES "JointConference"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendee" ADD CONSTRAINT "MeetingAttendee_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendee" ADD CONSTRAINT "MeetingAttendee_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendee" ADD CONSTRAINT "MeetingAttendee_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReceptionSlot" ADD CONSTRAINT "ReceptionSlot_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "ReceptionSlot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DailyReport" ADD CONSTRAINT "DailyReport_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DailyReport" ADD CONSTRAINT "DailyReport_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "WorkingGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DailyReport" ADD CONSTRAINT "DailyReport_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ───────────────────────────────────────────────────────────────────────────────────────────
-- Beyond schema.prisma: rules Prisma cannot express. Everything above is what `prisma migrate
-- dev` generates for the schema; Prisma's schema diff does not model CHECK constraints or
-- triggers, so it neither creates nor drops what follows.
-- ───────────────────────────────────────────────────────────────────────────────────────────

-- A special working group (专项小组) always has its specialty; a signing group never has one.
ALTER TABLE "WorkingGroup" ADD CONSTRAINT "WorkingGroup_specialty_check" CHECK (("kind" = 'SPECIAL') = ("specialty" IS NOT NULL));

-- The audit trail is append-only: rows are inserted in the same transaction as the change they
-- record and are never changed or removed afterwards, not even by the application's own role.
CREATE FUNCTION "AuditEvent_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditEvent_refuse_update_delete"
    BEFORE UPDATE OR DELETE ON "AuditEvent"
    FOR EACH ROW EXECUTE FUNCTION "AuditEvent_refuse_change"();

CREATE TRIGGER "AuditEvent_refuse_truncate"
    BEFORE TRUNCATE ON "AuditEvent"
    FOR EACH STATEMENT EXECUTE FUNCTION "AuditEvent_refuse_change"();
