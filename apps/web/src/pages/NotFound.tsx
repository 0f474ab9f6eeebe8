import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

export default function NotFound() {
  const { t } = useTranslation();
  return <Result status="warning" title={<h1 className="result-title">{t('error.notFound')}</h1>} />;
}
