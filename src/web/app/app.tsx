// The app: providers around the router; the document title follows the language.
import { useEffect } from 'react';
import { RouterProvider } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppProviders } from './providers';
import { router } from './router';

export function App() {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    document.title = t('app.name');
  }, [t, i18n.language]);
  return (
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
