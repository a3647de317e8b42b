// Routes: setup and login outside the shell; everything else behind login inside the shell.
import { createBrowserRouter, Navigate } from 'react-router';
import { LoginRoute } from '../features/auth/routes/login';
import { SetupRoute } from '../features/auth/routes/setup';
import { CompaniesListRoute } from '../features/companies/routes/companies-list';
import { CompanyViewRoute } from '../features/companies/routes/company-view';
import { ContactViewRoute } from '../features/contacts/routes/contact-view';
import { ContactsListRoute } from '../features/contacts/routes/contacts-list';
import { SettingsRoute } from '../features/settings/routes/settings';
import { TasksRoute } from '../features/tasks/routes/tasks';
import { RequireAuth, SetupGate } from './routes/gates';
import { NotFoundRoute } from './routes/not-found';
import { RouteError } from './routes/route-error';
import { AppLayout } from './shell/app-layout';

export const router = createBrowserRouter([
  {
    element: <SetupGate />,
    errorElement: <RouteError />,
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
              { index: true, element: <Navigate to="/contacts" replace /> },
              { path: 'contacts', element: <ContactsListRoute /> },
              { path: 'contacts/:id', element: <ContactViewRoute /> },
              { path: 'companies', element: <CompaniesListRoute /> },
              { path: 'companies/:id', element: <CompanyViewRoute /> },
              { path: 'tasks', element: <TasksRoute /> },
              { path: 'settings', element: <SettingsRoute /> },
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
