import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProjectDetail } from '../../lib/watch';
import { currentStep, ENDED, STEPS } from './process';

type StepStatus = 'wait' | 'process' | 'finish' | 'error';

/**
 * The process from screening to signing with the step the project is at; an ended project
 * (rejected, withdrawn, lapsed) shows where it ended, in words as well as the error mark.
 */
export function ProcessStepper({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation('officer');
  const step = currentStep(project);
  const at = STEPS.indexOf(step);
  const ended = ENDED.has(project.status);
  const signed = project.status === 'signed';

  const items = STEPS.map((s, i) => {
    let status: StepStatus = 'wait';
    if (i < at || (signed && i === at)) status = 'finish';
    else if (i === at) status = ended ? 'error' : 'process';
    let content: string | undefined;
    if (i === at) {
      if (ended) content = t('stepper.endedHere', { status: t(`words:status.${project.status}`) });
      else if (signed) content = t('stepper.done');
      else if (t(`words:status.${project.status}`).toLocaleLowerCase() === t(`stepper.${s}`).toLocaleLowerCase()) content = t('stepper.now');
      else content = t('stepper.current', { status: t(`words:status.${project.status}`) });
    }
    return { key: s, title: t(`stepper.${s}`), status, content };
  });

  return (
    <div data-testid="stepper" data-step={step} data-ended={ended || undefined} className="officer-stepper">
      <Steps current={at} items={items} size="small" titlePlacement="vertical" responsive />
    </div>
  );
}
