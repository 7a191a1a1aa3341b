import { Navigate, Route, Routes } from 'react-router';
import { AnalysisPage } from '../features/analysis/analysis-page.js';
import { LoginPage } from '../features/auth/login-page.js';
import { CasebookListPage } from '../features/casebook/casebook-list-page.js';
import { CasebookPage } from '../features/casebook/casebook-page.js';
import { FormPage } from '../features/casebook/form/form-page.js';
import { NewFormPage } from '../features/casebook/form/new-form-page.js';
import { DosingPage } from '../features/dosing/dosing-page.js';
import { EscalationPage } from '../features/escalation/escalation-page.js';
import { LabRangesPage } from '../features/lab-ranges/lab-ranges-page.js';
import { ParticipantListPage } from '../features/participants/participant-list-page.js';
import { ParticipantPage } from '../features/participants/participant-page.js';
import { SchedulePage } from '../features/protocol/schedule/schedule-page.js';
import { QueriesPage } from '../features/queries/queries-page.js';
import { AeLogPage } from '../features/safety/ae-log-page.js';
import { AePage, NewAePage } from '../features/safety/ae-page.js';
import { SafetyPage } from '../features/safety/safety-page.js';
import { ScreeningLogPage } from '../features/screening/screening-log-page.js';
import { StudyListPage } from '../features/studies/study-list-page.js';
import { StudyOverviewPage } from '../features/studies/study-overview-page.js';
import { AppLayout } from './app-layout.js';
import { NotFoundPage } from './not-found-page.js';
import { RequireSession } from './require-session.js';

/** Every page of the app. Pages under RequireSession need a signed-in user. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireSession />}>
        <Route element={<AppLayout />}>
          <Route index element={<Navigate to="/studies" replace />} />
          <Route path="studies" element={<StudyListPage />} />
          <Route path="studies/:studyId" element={<StudyOverviewPage />} />
          <Route path="studies/:studyId/schedule" element={<SchedulePage />} />
          <Route path="studies/:studyId/sites/:siteId/lab-ranges" element={<LabRangesPage />} />
          <Route path="studies/:studyId/participants" element={<ParticipantListPage />} />
          <Route path="studies/:studyId/participants/:participantId" element={<ParticipantPage />} />
          <Route path="studies/:studyId/screening" element={<ScreeningLogPage />} />
          <Route path="studies/:studyId/casebooks" element={<CasebookListPage />} />
          <Route path="studies/:studyId/participants/:participantId/casebook" element={<CasebookPage />} />
          <Route
            path="studies/:studyId/participants/:participantId/forms/:formRecordId"
            element={<FormPage />}
          />
          <Route
            path="studies/:studyId/participants/:participantId/visits/:visitId/forms/:formKey/new"
            element={<NewFormPage />}
          />
          <Route
            path="studies/:studyId/participants/:participantId/logs/:formKey/new"
            element={<NewFormPage />}
          />
          <Route path="studies/:studyId/queries" element={<QueriesPage />} />
          <Route path="studies/:studyId/analysis" element={<AnalysisPage />} />
          <Route path="studies/:studyId/safety" element={<SafetyPage />} />
          <Route path="studies/:studyId/participants/:participantId/adverse-events" element={<AeLogPage />} />
          <Route
            path="studies/:studyId/participants/:participantId/adverse-events/new"
            element={<NewAePage />}
          />
          <Route
            path="studies/:studyId/participants/:participantId/adverse-events/:aeId"
            element={<AePage />}
          />
          <Route path="studies/:studyId/dosing" element={<DosingPage />} />
          <Route path="studies/:studyId/dosing/escalation" element={<EscalationPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
