import type { ProjectAccess } from '../../access/scope-access';
import { toRecord, type KeyValuePair } from '../../common/key-value-data';
import { ANNOTATIONS } from '../../iam/labels';
import type { V1ObjectMeta } from '../../kube';

/** The metadata of an object a user creates in their project: its labels, and who created it. */
export function newObjectMetadata(
  access: ProjectAccess,
  name: string,
  labels: readonly KeyValuePair[] = [],
): V1ObjectMeta {
  return {
    name,
    namespace: access.project,
    labels: toRecord(labels),
    annotations: { [ANNOTATIONS.creator]: access.principal.username },
  };
}
