import { Center, Loader } from '@mantine/core';
import { useEffect } from 'react';
import { Navigate, Route, Routes, useMatch } from 'react-router';
import { useMe } from './api/auth.ts';
import { refreshCsrf } from './api/client.ts';
import { ErrorAlert } from './components/ErrorAlert.tsx';
import { Shell } from './components/Shell.tsx';
import { AnnouncementPage } from './routes/announcements/AnnouncementPage.tsx';
import { AnnouncementsPage } from './routes/announcements/AnnouncementsPage.tsx';
import { ApplicationsPage } from './routes/applications/ApplicationsPage.tsx';
import { CoveragePage } from './routes/coverage/CoveragePage.tsx';
import { DashboardPage } from './routes/dashboard/DashboardPage.tsx';
import { DrivePage } from './routes/drives/DrivePage.tsx';
import { DrivesPage } from './routes/drives/DrivesPage.tsx';
import { ConflictsPage } from './routes/enterprises/ConflictsPage.tsx';
import { EnterprisePage } from './routes/enterprises/EnterprisePage.tsx';
import { EnterprisesPage } from './routes/enterprises/EnterprisesPage.tsx';
import { NewEnterprisePage } from './routes/enterprises/NewEnterprisePage.tsx';
import { RegisterImportPage } from './routes/enterprises/RegisterImportPage.tsx';
import { HomePage } from './routes/home/HomePage.tsx';
import { InboxPage } from './routes/inbox/InboxPage.tsx';
import { LoginPage } from './routes/login/LoginPage.tsx';
import { ImportPage } from './routes/members/ImportPage.tsx';
import { MemberPage } from './routes/members/MemberPage.tsx';
import { MembersPage } from './routes/members/MembersPage.tsx';
import { NewMemberPage } from './routes/members/NewMemberPage.tsx';
import { QualityPage } from './routes/members/QualityPage.tsx';
import { ComingSoonPage } from './routes/placeholder/ComingSoonPage.tsx';
import { NotFoundPage } from './routes/placeholder/NotFoundPage.tsx';
import { PlanPage } from './routes/plans/PlanPage.tsx';
import { PlansPage } from './routes/plans/PlansPage.tsx';
import { ReportPage } from './routes/reports/ReportPage.tsx';
import { ReportsPage } from './routes/reports/ReportsPage.tsx';
import { SurveyResultsPage } from './routes/surveys/SurveyResultsPage.tsx';
import { SurveysPage } from './routes/surveys/SurveysPage.tsx';
import { TransfersPage } from './routes/transfers/TransfersPage.tsx';
import { TreePage } from './routes/tree/TreePage.tsx';
import { UnitPage } from './routes/units/UnitPage.tsx';
import { VerifyPage } from './routes/verify/VerifyPage.tsx';

/** Capabilities still to come: each has its menu entry and a placeholder page. */
export const comingSoon: readonly string[] = [];

export function App() {
  useEffect(() => {
    // One token per page load; the client refetches it after log-in or when the server refuses it.
    refreshCsrf().catch(() => undefined);
  }, []);
  // Whoever scans a member card's QR code lands here: public, no session asked for.
  const verifying = useMatch('/verify/:token');
  if (verifying) return <VerifyPage token={verifying.params.token ?? ''} />;
  return <SignedIn />;
}

/** Everything else needs a session: the log-in form until there is one. */
function SignedIn() {
  const me = useMe();

  if (me.isPending) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (me.isError) {
    return (
      <Center h="100vh" p="md">
        <ErrorAlert error={me.error} onRetry={() => me.refetch()} />
      </Center>
    );
  }
  if (!me.data) return <LoginPage />;

  return (
    <Shell me={me.data}>
      <Routes>
        <Route path="/" element={<HomePage me={me.data} />} />
        <Route path="/login" element={<Navigate to="/" replace />} />
        <Route path="/tree" element={<TreePage />} />
        <Route path="/units/:id" element={<UnitPage />} />
        <Route path="/members" element={<MembersPage />} />
        <Route path="/members/new" element={<NewMemberPage />} />
        <Route path="/members/quality" element={<QualityPage />} />
        <Route path="/members/import" element={<ImportPage />} />
        <Route path="/applications" element={<ApplicationsPage />} />
        <Route path="/members/:id" element={<MemberPage />} />
        <Route path="/transfers" element={<TransfersPage />} />
        <Route path="/enterprises" element={<EnterprisesPage />} />
        <Route path="/enterprises/new" element={<NewEnterprisePage />} />
        <Route path="/enterprises/import" element={<RegisterImportPage />} />
        <Route path="/enterprises/conflicts" element={<ConflictsPage />} />
        <Route path="/enterprises/:id" element={<EnterprisePage />} />
        <Route path="/coverage" element={<CoveragePage />} />
        <Route path="/drives" element={<DrivesPage />} />
        <Route path="/drives/:id" element={<DrivePage />} />
        <Route path="/dashboard" element={<DashboardPage />} />
        <Route path="/plans" element={<PlansPage />} />
        <Route path="/plans/:id" element={<PlanPage />} />
        <Route path="/reports" element={<ReportsPage />} />
        <Route path="/reports/:id" element={<ReportPage />} />
        <Route path="/inbox" element={<InboxPage />} />
        <Route path="/announcements" element={<AnnouncementsPage />} />
        <Route path="/announcements/:id" element={<AnnouncementPage />} />
        <Route path="/surveys" element={<SurveysPage />} />
        <Route path="/surveys/:id" element={<SurveyResultsPage />} />
        {comingSoon.map((name) => (
          <Route key={name} path={`/soon/${name}`} element={<ComingSoonPage name={name} />} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Shell>
  );
}
