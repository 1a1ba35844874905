import { AuditEvent } from '../entities/audit-event.entity.ts';
import { Edition, EditionEntry } from '../entities/edition.entity.ts';
import { Setting } from '../entities/setting.entity.ts';
import { StandardDocument } from '../entities/standard-document.entity.ts';
import { StandardVersion } from '../entities/standard-version.entity.ts';
import { ChecklistRow, Finding, Inspection, Photo } from '../entities/inspection.entity.ts';
import { Place, Project, Schedule } from '../entities/project.entity.ts';
import { Touchpoint } from '../entities/touchpoint.entity.ts';
import { User } from '../entities/user.entity.ts';
import { EditionVariant, VariantVersion } from '../entities/variant.entity.ts';

/** Every entity the ORM knows. */
export const entities = [StandardDocument, StandardVersion, Edition, EditionEntry, User, AuditEvent, Setting, Touchpoint, VariantVersion, EditionVariant, Project, Place, Schedule, ChecklistRow, Photo, Inspection, Finding];
