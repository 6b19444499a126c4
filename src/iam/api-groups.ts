/** API groups of Berth's own custom resources. */
export const IAM_GROUP = 'iam.berth.io';

export const TENANCY_GROUP = 'tenancy.berth.io';

export const IAM_API_VERSION = `${IAM_GROUP}/v1alpha1`;

export const TENANCY_API_VERSION = `${TENANCY_GROUP}/v1alpha1`;
