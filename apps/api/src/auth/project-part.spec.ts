import type { Role, TaskStatus } from '@dueflow/domain';
import { PartTask, partIn, seesPanel, seesWholeProject } from './project-part';

const ME = 'me';
const viewer = (...roles: Role[]) => ({ id: ME, roles });
const task = (status: TaskStatus, assigneeId = ME, declinedForConflict: boolean | null = null): PartTask => ({ assigneeId, status, declinedForConflict });
const someoneElses = { submittedBy: 'officer-x' };
const mine = { submittedBy: ME };

describe('partIn', () => {
  it('gives anyone with an open task the reviewer part, whatever else they are', () => {
    for (const roles of [['reviewer'], ['reviewer', 'manager'], ['reviewer', 'admin'], ['reviewer', 'officer'], ['reviewer', 'manager', 'admin']] as Role[][]) {
      expect(partIn(viewer(...roles), someoneElses, [task('open'), task('submitted', 'other')])).toBe('reviewer');
    }
    // Even on their own project (an assignment made before the submitter was excluded from it).
    expect(partIn(viewer('officer', 'reviewer'), mine, [task('open')])).toBe('reviewer');
  });

  it('gives the submitter the officer part once they hold no open task, even as a manager', () => {
    expect(partIn(viewer('officer'), mine, [])).toBe('officer');
    expect(partIn(viewer('officer', 'manager'), mine, [task('open', 'other')])).toBe('officer');
    expect(partIn(viewer('officer', 'reviewer'), mine, [task('submitted')])).toBe('officer');
  });

  it('keeps someone who submitted a review a reviewer of the project, even a manager or an admin', () => {
    expect(partIn(viewer('reviewer', 'manager'), someoneElses, [task('submitted')])).toBe('reviewer');
    expect(partIn(viewer('reviewer', 'admin'), someoneElses, [task('cancelled'), task('submitted')])).toBe('reviewer');
  });

  it('gives managers and admins their own view back when their task closed without a review', () => {
    for (const status of ['expired', 'cancelled', 'declined'] as TaskStatus[]) {
      expect(partIn(viewer('reviewer', 'manager'), someoneElses, [task(status, ME, false)])).toBe('manager');
      expect(partIn(viewer('reviewer', 'admin'), someoneElses, [task(status, ME, false)])).toBe('admin');
    }
    expect(partIn(viewer('manager', 'admin'), someoneElses, [])).toBe('manager');
  });

  it('puts someone who declined for a conflict of interest out of the project, whatever their roles', () => {
    for (const roles of [['reviewer'], ['reviewer', 'manager'], ['reviewer', 'admin']] as Role[][]) {
      expect(partIn(viewer(...roles), someoneElses, [task('declined', ME, true)])).toBe('none');
    }
  });

  it('lets a plain reviewer follow a task of theirs that closed, and nothing else', () => {
    expect(partIn(viewer('reviewer'), someoneElses, [task('expired')])).toBe('reviewer');
    expect(partIn(viewer('reviewer'), someoneElses, [task('declined', ME, false)])).toBe('reviewer');
    expect(partIn(viewer('reviewer'), someoneElses, [task('open', 'other')])).toBe('none');
    expect(partIn(viewer('officer'), someoneElses, [])).toBe('none');
  });

  it('says who sees the whole project and who sees the panel', () => {
    expect(['officer', 'reviewer', 'manager', 'admin', 'none'].filter((p) => seesWholeProject(p as never))).toEqual(['manager', 'admin']);
    expect(['officer', 'reviewer', 'manager', 'admin', 'none'].filter((p) => seesPanel(p as never))).toEqual(['officer', 'manager', 'admin']);
  });
});
