import { AuditEvent } from '../../domain/audit/audit-event.entity.ts';
import { Edition, EditionEntry } from '../../domain/editions/edition.entity.ts';
import { Setting } from './setting.entity.ts';
import { StandardDocument } from '../../domain/standards/standard-document.entity.ts';
import { StandardVersion } from '../../domain/standards/standard-version.entity.ts';
import { ChecklistRow } from '../../domain/checklists/checklist.entity.ts';
import { Finding } from '../../domain/findings/finding.entity.ts';
import { Inspection, Photo } from '../../domain/inspections/inspection.entity.ts';
import { Place, Project } from '../../domain/projects/project.entity.ts';
import { Schedule } from '../../domain/inspections/schedule.entity.ts';
import { Touchpoint } from '../../domain/variants/touchpoint.entity.ts';
import { User } from '../../domain/users/user.entity.ts';
import { EditionVariant, VariantVersion } from '../../domain/variants/variant.entity.ts';

/** Every entity the ORM knows. */
export const entities = [StandardDocument, StandardVersion, Edition, EditionEntry, User, AuditEvent, Setting, Touchpoint, VariantVersion, EditionVariant, Project, Place, Schedule, ChecklistRow, Photo, Inspection, Finding];
