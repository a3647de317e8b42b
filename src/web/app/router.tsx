// Routes: setup and login outside the shell; everything else behind login inside the shell, each page loaded on demand.
import { createBrowserRouter, Navigate } from 'react-router';
import { LoginRoute } from '../features/auth/routes/login';
import { SetupRoute } from '../features/auth/routes/setup';
import { PageSkeleton } from '../components/list-skeleton';
import { RequireAuth, SetupGate } from './routes/gates';
import { NotFoundRoute } from './routes/not-found';
import { RouteError } from './routes/route-error';
import { AppLayout } from './shell/app-layout';

export const router = createBrowserRouter([
  // The public survey page: no login, no setup gate (a customer opens it from an e-mail or a chat).
  { path: '/s/:token', errorElement: <RouteError />, hydrateFallbackElement: <PageSkeleton />, lazy: () => import('../features/surveys').then((m) => ({ Component: m.SurveyPageRoute })) },
  {
    element: <SetupGate />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageSkeleton />,
    children: [
      { path: '/setup', element: <SetupRoute /> },
      { path: '/login', element: <LoginRoute /> },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            children: [
              {
                errorElement: <RouteError />,
                children: [
                  { index: true, element: <Navigate to="/today" replace /> },
                  { path: 'today', lazy: () => import('../features/today/routes/today').then((m) => ({ Component: m.TodayRoute })) },
                  {
                    path: 'contacts',
                    lazy: () => import('../features/contacts/routes/contacts-list').then((m) => ({ Component: m.ContactsListRoute })),
                  },
                  {
                    path: 'contacts/:id',
                    lazy: () => import('../features/contacts/routes/contact-view').then((m) => ({ Component: m.ContactViewRoute })),
                  },
                  {
                    path: 'companies',
                    lazy: () => import('../features/companies/routes/companies-list').then((m) => ({ Component: m.CompaniesListRoute })),
                  },
                  {
                    path: 'companies/:id',
                    lazy: () => import('../features/companies/routes/company-view').then((m) => ({ Component: m.CompanyViewRoute })),
                  },
                  { path: 'households', lazy: () => import('../features/households/routes/households-list').then((m) => ({ Component: m.HouseholdsListRoute })) },
                  { path: 'households/:id', lazy: () => import('../features/households/routes/household-view').then((m) => ({ Component: m.HouseholdViewRoute })) },
                  { path: 'leads', lazy: () => import('../features/leads/routes/leads').then((m) => ({ Component: m.LeadsRoute })) },
                  { path: 'imports', lazy: () => import('../features/imports/routes/imports').then((m) => ({ Component: m.ImportsRoute })) },
                  { path: 'imports/:id', lazy: () => import('../features/imports/routes/import-view').then((m) => ({ Component: m.ImportViewRoute })) },
                  { path: 'duplicates', lazy: () => import('../features/duplicates/routes/duplicates').then((m) => ({ Component: m.DuplicatesRoute })) },
                  { path: 'deals', lazy: () => import('../features/deals/routes/deals').then((m) => ({ Component: m.DealsRoute })) },
                  { path: 'products', lazy: () => import('../features/products/routes/products').then((m) => ({ Component: m.ProductsRoute })) },
                  { path: 'forecast', lazy: () => import('../features/forecast/routes/forecast').then((m) => ({ Component: m.ForecastRoute })) },
                  { path: 'models', lazy: () => import('../features/models').then((m) => ({ Component: m.ModelsRoute })) },
                  { path: 'customer-value', lazy: () => import('../features/customer-value').then((m) => ({ Component: m.CustomerValueRoute })) },
                  { path: 'customer-value/seven-p', lazy: () => import('../features/customer-value').then((m) => ({ Component: m.SevenPRoute })) },
                  { path: 'alerts', lazy: () => import('../features/alerts').then((m) => ({ Component: m.AlertsRoute })) },
                  { path: 'segments', lazy: () => import('../features/segments').then((m) => ({ Component: m.SegmentsListRoute })) },
                  { path: 'segments/new', lazy: () => import('../features/segments').then((m) => ({ Component: m.SegmentEditRoute })) },
                  { path: 'segments/:id', lazy: () => import('../features/segments').then((m) => ({ Component: m.SegmentEditRoute })) },
                  { path: 'campaigns', lazy: () => import('../features/campaigns').then((m) => ({ Component: m.CampaignsListRoute })) },
                  { path: 'campaigns/new', lazy: () => import('../features/campaigns').then((m) => ({ Component: m.CampaignEditRoute })) },
                  { path: 'campaigns/:id', lazy: () => import('../features/campaigns').then((m) => ({ Component: m.CampaignEditRoute })) },
                  { path: 'campaigns/:id/report', lazy: () => import('../features/campaigns').then((m) => ({ Component: m.CampaignReportRoute })) },
                  { path: 'journeys', lazy: () => import('../features/journeys').then((m) => ({ Component: m.JourneysListRoute })) },
                  { path: 'journeys/new', lazy: () => import('../features/journeys').then((m) => ({ Component: m.JourneyEditRoute })) },
                  { path: 'journeys/:id', lazy: () => import('../features/journeys').then((m) => ({ Component: m.JourneyEditRoute })) },
                  { path: 'inbox', lazy: () => import('../features/inbox').then((m) => ({ Component: m.InboxRoute })) },
                  { path: 'inbox/:id', lazy: () => import('../features/inbox').then((m) => ({ Component: m.InboxRoute })) },
                  { path: 'tickets', lazy: () => import('../features/service/routes/tickets-list').then((m) => ({ Component: m.TicketsListRoute })) },
                  { path: 'tickets/:id', lazy: () => import('../features/service/routes/ticket-view').then((m) => ({ Component: m.TicketViewRoute })) },
                  { path: 'service-settings', lazy: () => import('../features/service-settings/routes/service-settings').then((m) => ({ Component: m.ServiceSettingsRoute })) },
                  { path: 'knowledge', lazy: () => import('../features/knowledge/routes/knowledge').then((m) => ({ Component: m.KnowledgeRoute })) },
                  { path: 'knowledge/:id', lazy: () => import('../features/knowledge/routes/article').then((m) => ({ Component: m.ArticleRoute })) },
                  { path: 'tasks', lazy: () => import('../features/tasks/routes/tasks').then((m) => ({ Component: m.TasksRoute })) },
                  { path: 'settings', lazy: () => import('../features/settings/routes/settings').then((m) => ({ Component: m.SettingsRoute })) },
                  { path: 'service-dashboard', lazy: () => import('../features/service-dashboard').then((m) => ({ Component: m.ServiceDashboardRoute })) },
                  { path: '*', element: <NotFoundRoute /> },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
]);
