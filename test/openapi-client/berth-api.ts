// Generated from docs/openapi.json by openapi-typescript (`npm run artifacts`); do not edit.

export interface paths {
    "/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in (password grant) or refresh a session (refresh_token grant) */
        post: operations["OAuthController_token"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: revoke a refresh token (RFC 7009) */
        post: operations["OAuthController_revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/audit-records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project’s audit records on the replica that answers, newest first (project admins) */
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: operations["UsersController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users */
        get: operations["UsersController_list"];
        put?: never;
        /** Create a user */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{username}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a user */
        get: operations["UsersController_get"];
        put?: never;
        post?: never;
        /** Delete a user and their memberships */
        delete: operations["UsersController_delete"];
        options?: never;
        head?: never;
        /** Change a user (display name, e-mail, platform role, disabled) */
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/api/v1/users/{username}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change a user's password (ends their other sessions) */
        put: operations["UsersController_changePassword"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{username}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a user's API tokens (never their secrets) */
        get: operations["UsersController_tokens"];
        put?: never;
        /** Create an API token (its secret is shown only in this answer) */
        post: operations["UsersController_createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{username}/tokens/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token */
        delete: operations["UsersController_revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the workspaces the caller may see */
        get: operations["WorkspacesController_list"];
        put?: never;
        /** Create a workspace */
        post: operations["WorkspacesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspace}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a workspace */
        get: operations["WorkspacesController_get"];
        put?: never;
        post?: never;
        /** Delete a workspace (refused while it has projects) */
        delete: operations["WorkspacesController_delete"];
        options?: never;
        head?: never;
        /** Change a workspace */
        patch: operations["WorkspacesController_update"];
        trace?: never;
    };
    "/api/v1/workspaces/{workspace}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a workspace's members */
        get: operations["WorkspacesController_members"];
        put?: never;
        /** Invite a user to a workspace */
        post: operations["WorkspacesController_addMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspace}/members/{username}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change a workspace member's role */
        put: operations["WorkspacesController_changeMemberRole"];
        post?: never;
        /** Remove a workspace member (not the last admin) */
        delete: operations["WorkspacesController_removeMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspace}/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a workspace's projects the caller may see */
        get: operations["WorkspacesController_projectsOf"];
        put?: never;
        /** Create a project in a workspace */
        post: operations["WorkspacesController_createProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the projects the caller may see */
        get: operations["ProjectsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a project with its members */
        get: operations["ProjectsController_get"];
        put?: never;
        post?: never;
        /** Delete a project and everything in it */
        delete: operations["ProjectsController_delete"];
        options?: never;
        head?: never;
        /** Change a project */
        patch: operations["ProjectsController_update"];
        trace?: never;
    };
    "/api/v1/projects/{project}/security": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a project's pod security level and allowed Service types */
        put: operations["ProjectsController_updateSecurity"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a project's members */
        get: operations["ProjectsController_members"];
        put?: never;
        /** Invite a user to a project */
        post: operations["ProjectsController_addMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/members/{username}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change a project member's role */
        put: operations["ProjectsController_changeMemberRole"];
        post?: never;
        /** Remove a project member (not the last admin) */
        delete: operations["ProjectsController_removeMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process serves HTTP */
        get: operations["HealthController_healthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the Kubernetes API server is reachable and the read cache current */
        get: operations["HealthController_readyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cluster": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The cluster: version, nodes and their capacity */
        get: operations["ClusterController_cluster"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storageclasses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The storage classes volumes can ask for, by name */
        get: operations["StorageClassesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/statefulsets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List StatefulSets (filter, sort, page) */
        get: operations["StatefulSetsController_list"];
        put?: never;
        /** Create a StatefulSet (and its Service) from the form or YAML */
        post: operations["StatefulSetsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/statefulsets/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a StatefulSet with its Service, pods, revisions and events */
        get: operations["StatefulSetsController_get"];
        /** Change a StatefulSet from the edited form or YAML */
        put: operations["StatefulSetsController_update"];
        post?: never;
        /** Delete a StatefulSet (optionally its Service and volumes) */
        delete: operations["StatefulSetsController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/statefulsets/{name}/scale": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Scale a StatefulSet */
        post: operations["StatefulSetsController_scale"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/statefulsets/{name}/redeploy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restart every pod of a StatefulSet, in order */
        post: operations["StatefulSetsController_redeploy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/statefulsets/{name}/service": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change the ports of a StatefulSet's Service */
        put: operations["StatefulSetsController_updateService"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/statefulsets/{name}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the revisions of a StatefulSet, newest first */
        get: operations["StatefulSetsController_listRevisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/statefulsets/{name}/revisions/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Compare two revisions of a StatefulSet */
        get: operations["StatefulSetsController_diff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/statefulsets/{name}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Roll a StatefulSet back to a revision */
        post: operations["StatefulSetsController_rollback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/statefulsets/{name}/pods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the pods of a StatefulSet, by ordinal */
        get: operations["StatefulSetsController_listPods"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/pods/{pod}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a pod with its containers and events */
        get: operations["StatefulSetsController_pod"];
        put?: never;
        post?: never;
        /** Delete a pod (its StatefulSet makes it again) */
        delete: operations["StatefulSetsController_deletePod"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/pods/{pod}/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A container's log (streamed with follow=true) */
        get: operations["StatefulSetsController_logs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/watch/statefulsets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Follow the list of StatefulSets: every match first, then what is added, changed or removed */
        get: operations["StatefulSetStreamsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/watch/statefulsets/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Follow one StatefulSet: its current state, then each change */
        get: operations["StatefulSetStreamsController_detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/watch/pods/{pod}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Follow one pod’s status: its current state, then each change */
        get: operations["StatefulSetStreamsController_pod"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/watch/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Follow the project’s events: the most recent first, then each new or repeated one */
        get: operations["StatefulSetStreamsController_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/volumes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's volumes (PersistentVolumeClaims): filter, sort, page */
        get: operations["VolumesController_list"];
        put?: never;
        /** Creates a volume; storageClass defaults to the default StorageClass */
        post: operations["VolumesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/volumes/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Status, capacity, mounting pods, origin, events and YAML of a volume */
        get: operations["VolumesController_get"];
        put?: never;
        post?: never;
        /**
         * Deletes a volume
         * @description 409 while pods mount it (naming them), unless ?force=true. Answers the volume as it was.
         */
        delete: operations["VolumesController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/volumes/{name}/expand": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Expands a volume
         * @description A POST action (like scale), not a PATCH of the claim: the body names only the new size. Refused (400, field size) when it is not larger, the volume is not Bound, or its StorageClass does not allow expansion.
         */
        post: operations["VolumesController_expand"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/images/inspect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inspect an image in a registry: ports, environment, volumes */
        get: operations["ImagesController_inspect"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/configmaps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List ConfigMaps (with the workloads using each) */
        get: operations["ConfigMapsController_list"];
        put?: never;
        /** Create a ConfigMap */
        post: operations["ConfigMapsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/configmaps/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a ConfigMap */
        get: operations["ConfigMapsController_get"];
        /** Change a ConfigMap */
        put: operations["ConfigMapsController_update"];
        post?: never;
        /** Delete a ConfigMap (refused while in use unless force=true) */
        delete: operations["ConfigMapsController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Secrets (keys only, never values) */
        get: operations["SecretsController_list"];
        put?: never;
        /** Create a Secret */
        post: operations["SecretsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/secrets/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a Secret (keys only) */
        get: operations["SecretsController_get"];
        /** Change a Secret */
        put: operations["SecretsController_update"];
        post?: never;
        /** Delete a Secret (refused while in use unless force=true) */
        delete: operations["SecretsController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/secrets/{name}/values": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a Secret's values (project-admin) */
        get: operations["SecretsController_values"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/kubeconfig": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a kubeconfig for your projects, with a new API token in it (shown only in this answer)
         * @description For kubectl and client libraries, through Berth’s Kubernetes API path (`/kube`).
         */
        post: operations["KubeconfigController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        TokenAnswer: {
            access_token: string;
            /** @enum {string} */
            token_type: "Bearer";
            /** @description Seconds until the access token expires */
            expires_in: number;
            refresh_token: string;
        };
        OAuthErrorBody: {
            /** @example invalid_grant */
            error: string;
            error_description: string;
        };
        /** @enum {string} */
        AuditOutcome: "DONE" | "REFUSED" | "FAILED";
        AuditRecordView: {
            seq: number;
            /** Format: date-time */
            time: string;
            requestId: string;
            user?: string | null;
            sourceAddress?: string | null;
            /** @enum {string} */
            transport: "rest" | "graphql" | "kube" | "kubesphere";
            operation: string;
            project?: string | null;
            kind?: string | null;
            name?: string | null;
            dryRun: boolean;
            outcome: components["schemas"]["AuditOutcome"];
            code?: string | null;
            request?: string | null;
        };
        AuditRecordList: {
            items: components["schemas"]["AuditRecordView"][];
            /** @description Pass as `continue` for the next page; null on the last page */
            continue?: string | null;
            /** @description Matching records, all pages */
            totalItems: number;
        };
        FieldErrorBody: {
            /** @description The input field as the client sent it, e.g. `containers[0].image` */
            path: string;
            message: string;
        };
        ErrorBody: {
            /** @example 400 */
            statusCode: number;
            /** @enum {string} */
            code: "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "BAD_USER_INPUT" | "QUERY_TOO_COMPLEX" | "CONFLICT" | "EXPIRED" | "TOO_MANY_REQUESTS" | "UNAVAILABLE" | "INTERNAL";
            /** @description Written for people; never carries internals */
            message: string;
            /** @description Which inputs were refused, and why */
            fields?: components["schemas"]["FieldErrorBody"][];
        };
        /** @enum {string} */
        PlatformRole: "platform-admin" | "platform-self-provisioner" | "platform-regular";
        /** @enum {string} */
        AccountState: "Active" | "Disabled" | "Locked";
        User: {
            username: string;
            email: string;
            displayName?: string | null;
            platformRole: components["schemas"]["PlatformRole"];
            state: components["schemas"]["AccountState"];
            /** Format: date-time */
            createdAt?: string | null;
            /** Format: date-time */
            lastLoginAt?: string | null;
        };
        UserList: {
            items: components["schemas"]["User"][];
            /** @description Pass as `continue` for the next page; null on the last page */
            continue?: string | null;
            /** @description Matching Users, all pages */
            totalItems: number;
        };
        CreateUserInput: {
            /** @example project-regular */
            username: string;
            email: string;
            displayName?: string;
            /** Format: password */
            password: string;
            /** @default platform-regular */
            platformRole?: components["schemas"]["PlatformRole"];
        };
        /** @enum {string} */
        SettableAccountState: "Active" | "Disabled";
        UpdateUserInput: {
            email?: string;
            displayName?: string;
            platformRole?: components["schemas"]["PlatformRole"];
            state?: components["schemas"]["SettableAccountState"];
        };
        ChangePasswordInput: {
            /** Format: password */
            currentPassword?: string;
            /** Format: password */
            newPassword: string;
        };
        /** @enum {string} */
        ApiTokenScope: "read-only" | "read-write";
        ApiToken: {
            name: string;
            scope: components["schemas"]["ApiTokenScope"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt?: string | null;
            /** Format: date-time */
            lastUsedAt?: string | null;
        };
        ApiTokenList: {
            items: components["schemas"]["ApiToken"][];
            /** @description Pass as `continue` for the next page; null on the last page */
            continue?: string | null;
            /** @description Matching ApiTokens, all pages */
            totalItems: number;
        };
        CreateApiTokenInput: {
            /** @example ci-deployer */
            name: string;
            /** @default read-only */
            scope?: components["schemas"]["ApiTokenScope"];
            /** Format: date-time */
            expiresAt?: string;
        };
        CreatedApiToken: {
            token: string;
            apiToken: components["schemas"]["ApiToken"];
        };
        Workspace: {
            name: string;
            displayName?: string | null;
            description?: string | null;
            manager?: string | null;
            creator?: string | null;
            /** Format: date-time */
            createdAt?: string | null;
        };
        WorkspaceList: {
            items: components["schemas"]["Workspace"][];
            /** @description Pass as `continue` for the next page; null on the last page */
            continue?: string | null;
            /** @description Matching Workspaces, all pages */
            totalItems: number;
        };
        CreateWorkspaceInput: {
            /** @example demo-workspace */
            name: string;
            displayName?: string;
            description?: string;
            manager?: string;
        };
        UpdateWorkspaceInput: {
            displayName?: string;
            description?: string;
            manager?: string;
        };
        /** @enum {string} */
        MemberRole: "workspace-admin" | "workspace-self-provisioner" | "workspace-regular" | "workspace-viewer" | "project-admin" | "project-regular" | "project-viewer";
        Member: {
            username: string;
            role: components["schemas"]["MemberRole"];
        };
        MemberList: {
            items: components["schemas"]["Member"][];
            /** @description Pass as `continue` for the next page; null on the last page */
            continue?: string | null;
            /** @description Matching Members, all pages */
            totalItems: number;
        };
        /** @enum {string} */
        WorkspaceRole: "workspace-admin" | "workspace-self-provisioner" | "workspace-regular" | "workspace-viewer";
        WorkspaceMemberInput: {
            role: components["schemas"]["WorkspaceRole"];
            username: string;
        };
        WorkspaceRoleInput: {
            role: components["schemas"]["WorkspaceRole"];
        };
        /** @enum {string} */
        PodSecurityLevel: "privileged" | "baseline" | "restricted";
        /** @enum {string} */
        ExtraServiceType: "NodePort" | "LoadBalancer" | "ExternalName";
        ProjectSecurity: {
            podSecurity: components["schemas"]["PodSecurityLevel"];
            allowedServiceTypes: components["schemas"]["ExtraServiceType"][];
        };
        Project: {
            name: string;
            workspace: string;
            displayName?: string | null;
            description?: string | null;
            creator?: string | null;
            /** Format: date-time */
            createdAt?: string | null;
            security: components["schemas"]["ProjectSecurity"];
        };
        ProjectList: {
            items: components["schemas"]["Project"][];
            /** @description Pass as `continue` for the next page; null on the last page */
            continue?: string | null;
            /** @description Matching Projects, all pages */
            totalItems: number;
        };
        CreateProjectInput: {
            /** @example demo-project */
            name: string;
            displayName?: string;
            description?: string;
        };
        ProjectDetail: {
            name: string;
            workspace: string;
            displayName?: string | null;
            description?: string | null;
            creator?: string | null;
            /** Format: date-time */
            createdAt?: string | null;
            security: components["schemas"]["ProjectSecurity"];
            members: components["schemas"]["Member"][];
        };
        UpdateProjectInput: {
            displayName?: string;
            description?: string;
        };
        ProjectSecurityInput: {
            podSecurity?: components["schemas"]["PodSecurityLevel"];
            allowedServiceTypes?: components["schemas"]["ExtraServiceType"][];
        };
        /** @enum {string} */
        ProjectRole: "project-admin" | "project-regular" | "project-viewer";
        ProjectMemberInput: {
            role: components["schemas"]["ProjectRole"];
            username: string;
        };
        ProjectRoleInput: {
            role: components["schemas"]["ProjectRole"];
        };
        ClusterNode: {
            name: string;
            ready: boolean;
            cpu: string;
            memory: string;
        };
        StorageClass: {
            name: string;
            provisioner: string;
            default: boolean;
            allowsExpansion: boolean;
            reclaimPolicy?: string | null;
            bindingMode?: string | null;
            /** Format: date-time */
            createdAt?: string | null;
        };
        Cluster: {
            version: string;
            nodes: components["schemas"]["ClusterNode"][];
            storageClasses: components["schemas"]["StorageClass"][];
        };
        StorageClassList: {
            items: components["schemas"]["StorageClass"][];
            /** @description Pass as `continue` for the next page; null on the last page */
            continue?: string | null;
            /** @description Matching storage classes, all pages */
            totalItems: number;
        };
        /** @enum {string} */
        StatefulSetPhase: "Running" | "Updating" | "Stopped" | "Pending" | "Degraded";
        /** @enum {string} */
        PullPolicy: "Always" | "IfNotPresent" | "Never";
        KeySelector: {
            name: string;
            key: string;
        };
        EnvVarForm: {
            name: string;
            value?: string;
            configMapKeyRef?: components["schemas"]["KeySelector"];
            secretKeyRef?: components["schemas"]["KeySelector"];
        };
        /** @enum {string} */
        Protocol: "TCP" | "UDP" | "SCTP";
        PortForm: {
            /** @example tcp-80 */
            name: string;
            /** @default TCP */
            protocol?: components["schemas"]["Protocol"];
            containerPort: number;
            servicePort?: number;
        };
        ResourceAmounts: {
            cpu?: string;
            memory?: string;
        };
        ResourcesForm: {
            requests?: components["schemas"]["ResourceAmounts"];
            limits?: components["schemas"]["ResourceAmounts"];
        };
        /** @enum {string} */
        ProbeType: "httpGet" | "tcpSocket" | "exec";
        ProbeForm: {
            type: components["schemas"]["ProbeType"];
            path?: string;
            port?: number;
            /** @enum {string} */
            scheme?: "HTTP" | "HTTPS";
            command?: string[];
            initialDelaySeconds?: number;
            periodSeconds?: number;
            timeoutSeconds?: number;
            successThreshold?: number;
            failureThreshold?: number;
        };
        SecurityContextForm: {
            runAsUser?: number;
            runAsGroup?: number;
            runAsNonRoot?: boolean;
            privileged?: boolean;
            allowPrivilegeEscalation?: boolean;
            readOnlyRootFilesystem?: boolean;
            capabilitiesAdd?: string[];
            capabilitiesDrop?: string[];
        };
        VolumeMountForm: {
            name: string;
            /** @example /data */
            mountPath: string;
            readOnly?: boolean;
            subPath?: string;
        };
        ContainerForm: {
            /** @example nginx */
            name: string;
            /** @example nginx:1.27 */
            image: string;
            imagePullPolicy?: components["schemas"]["PullPolicy"];
            command?: string[];
            args?: string[];
            env?: components["schemas"]["EnvVarForm"][];
            ports?: components["schemas"]["PortForm"][];
            resources?: components["schemas"]["ResourcesForm"];
            livenessProbe?: components["schemas"]["ProbeForm"];
            readinessProbe?: components["schemas"]["ProbeForm"];
            startupProbe?: components["schemas"]["ProbeForm"];
            securityContext?: components["schemas"]["SecurityContextForm"];
            volumeMounts?: components["schemas"]["VolumeMountForm"][];
        };
        /** @enum {string} */
        UpdateStrategyType: "RollingUpdate" | "OnDelete";
        UpdateStrategyForm: {
            type: components["schemas"]["UpdateStrategyType"];
            partition?: number;
            maxUnavailable?: string;
        };
        /** @enum {string} */
        AccessMode: "ReadWriteOnce" | "ReadOnlyMany" | "ReadWriteMany" | "ReadWriteOncePod";
        VolumeClaimTemplateForm: {
            /** @example data */
            name: string;
            storageClassName?: string;
            accessModes?: components["schemas"]["AccessMode"][];
            /** @example 1Gi */
            size: string;
        };
        /** @enum {string} */
        VolumeType: "persistentVolumeClaim" | "emptyDir" | "hostPath" | "configMap" | "secret";
        KeyToPath: {
            key: string;
            path: string;
        };
        VolumeForm: {
            name: string;
            type: components["schemas"]["VolumeType"];
            claimName?: string;
            medium?: string;
            sizeLimit?: string;
            path?: string;
            sourceName?: string;
            items?: components["schemas"]["KeyToPath"][];
            readOnly?: boolean;
        };
        /** @enum {string} */
        PvcRetentionRule: "Retain" | "Delete";
        PvcRetentionPolicyForm: {
            whenDeleted: components["schemas"]["PvcRetentionRule"];
            whenScaled: components["schemas"]["PvcRetentionRule"];
        };
        KeyValue: {
            key: string;
            value: string;
        };
        StatefulSetForm: {
            /** @example demo-stateful */
            name: string;
            alias?: string;
            description?: string;
            /** @default 1 */
            replicas?: number;
            serviceName?: string;
            containers: components["schemas"]["ContainerForm"][];
            initContainers?: components["schemas"]["ContainerForm"][];
            imagePullSecrets?: string[];
            syncHostTimezone?: boolean;
            updateStrategy?: components["schemas"]["UpdateStrategyForm"];
            /** @enum {string} */
            podManagementPolicy?: "OrderedReady" | "Parallel";
            /** @enum {string} */
            deploymentMode?: "default" | "spread" | "aggregate";
            volumeClaimTemplates?: components["schemas"]["VolumeClaimTemplateForm"][];
            volumes?: components["schemas"]["VolumeForm"][];
            pvcRetentionPolicy?: components["schemas"]["PvcRetentionPolicyForm"];
            nodeSelector?: components["schemas"]["KeyValue"][];
            labels?: components["schemas"]["KeyValue"][];
            annotations?: components["schemas"]["KeyValue"][];
            minReadySeconds?: number;
            /** @default 10 */
            revisionHistoryLimit?: number;
        };
        StatefulSetStatus: {
            desired: number;
            current: number;
            ready: number;
            updated: number;
            currentRevision?: string | null;
            updateRevision?: string | null;
            phase: components["schemas"]["StatefulSetPhase"];
            reason?: string | null;
        };
        StatefulSetView: {
            id: string;
            name: string;
            project: string;
            alias?: string | null;
            description?: string | null;
            creator?: string | null;
            /** Format: date-time */
            createdAt?: string | null;
            resourceVersion: string;
            images: string[];
            form: components["schemas"]["StatefulSetForm"];
            status: components["schemas"]["StatefulSetStatus"];
        };
        StatefulSetList: {
            items: components["schemas"]["StatefulSetView"][];
            /** @description Pass as `continue` for the next page; null on the last page */
            continue?: string | null;
            /** @description Matching StatefulSets, all pages */
            totalItems: number;
        };
        ObjectYaml: {
            kind: string;
            name: string;
            yaml: string;
        };
        StatefulSetChange: {
            dryRun: boolean;
            objects: components["schemas"]["ObjectYaml"][];
            message?: string | null;
            statefulSet?: components["schemas"]["StatefulSetView"] | null;
        };
        ServicePortView: {
            name?: string | null;
            protocol: components["schemas"]["Protocol"];
            port: number;
            targetPort: string;
        };
        ServiceView: {
            name: string;
            clusterIP?: string | null;
            ports: components["schemas"]["ServicePortView"][];
        };
        /** @enum {string} */
        PodPhase: "Pending" | "Running" | "Succeeded" | "Failed" | "Unknown" | "Terminating";
        /** @enum {string} */
        ContainerState: "running" | "waiting" | "terminated" | "unknown";
        ContainerStatusView: {
            name: string;
            image: string;
            ready: boolean;
            restartCount: number;
            state: components["schemas"]["ContainerState"];
            reason?: string | null;
            message?: string | null;
            exitCode?: number | null;
            /** Format: date-time */
            startedAt?: string | null;
        };
        ResourceUsage: {
            cpu?: string | null;
            memory?: string | null;
            unavailableReason?: string | null;
        };
        PodView: {
            id: string;
            name: string;
            project: string;
            ordinal?: number | null;
            phase: components["schemas"]["PodPhase"];
            ready: boolean;
            restarts: number;
            node?: string | null;
            podIP?: string | null;
            /** Format: date-time */
            startTime?: string | null;
            containers: components["schemas"]["ContainerStatusView"][];
            claims: string[];
            usage: components["schemas"]["ResourceUsage"];
        };
        RevisionView: {
            revision: number;
            name: string;
            /** Format: date-time */
            createdAt?: string | null;
            current: boolean;
            update: boolean;
            images: string[];
            template: string;
        };
        /** @enum {string} */
        EventType: "Normal" | "Warning";
        EventView: {
            type: components["schemas"]["EventType"];
            reason: string;
            message: string;
            count: number;
            /** Format: date-time */
            lastSeen?: string | null;
            object: string;
        };
        StatefulSetDetail: {
            id: string;
            name: string;
            project: string;
            alias?: string | null;
            description?: string | null;
            creator?: string | null;
            /** Format: date-time */
            createdAt?: string | null;
            resourceVersion: string;
            images: string[];
            form: components["schemas"]["StatefulSetForm"];
            status: components["schemas"]["StatefulSetStatus"];
            service?: components["schemas"]["ServiceView"] | null;
            pods: components["schemas"]["PodView"][];
            revisions: components["schemas"]["RevisionView"][];
            events: components["schemas"]["EventView"][];
            yaml: string;
        };
        ScaleBody: {
            replicas: number;
        };
        ServicePortInput: {
            name: string;
            protocol?: components["schemas"]["Protocol"];
            port: number;
            targetPort: number;
        };
        ServicePortsBody: {
            ports: components["schemas"]["ServicePortInput"][];
        };
        RevisionList: {
            items: components["schemas"]["RevisionView"][];
            /** @description Pass as `continue` for the next page; null on the last page */
            continue?: string | null;
            /** @description Matching Revisions, all pages */
            totalItems: number;
        };
        FieldChange: {
            path: string;
            from?: string | null;
            to?: string | null;
        };
        RevisionDiff: {
            from: number;
            to: number;
            changes: components["schemas"]["FieldChange"][];
            unified: string;
        };
        RollbackBody: {
            /** @description The revision number to restore */
            revision: number;
        };
        PodList: {
            items: components["schemas"]["PodView"][];
            /** @description Pass as `continue` for the next page; null on the last page */
            continue?: string | null;
            /** @description Matching Pods, all pages */
            totalItems: number;
        };
        PodDetail: {
            id: string;
            name: string;
            project: string;
            ordinal?: number | null;
            phase: components["schemas"]["PodPhase"];
            ready: boolean;
            restarts: number;
            node?: string | null;
            podIP?: string | null;
            /** Format: date-time */
            startTime?: string | null;
            containers: components["schemas"]["ContainerStatusView"][];
            claims: string[];
            usage: components["schemas"]["ResourceUsage"];
            events: components["schemas"]["EventView"][];
        };
        /** @enum {string} */
        ChangeType: "ADDED" | "MODIFIED" | "REMOVED";
        StatefulSetListChange: {
            type: components["schemas"]["ChangeType"];
            id: string;
            name: string;
            statefulSet?: components["schemas"]["StatefulSetView"] | null;
        };
        StatefulSetListEvent: {
            resourceVersion: string;
            initial: boolean;
            synced: boolean;
            changes: components["schemas"]["StatefulSetListChange"][];
        };
        StatefulSetEvent: {
            resourceVersion: string;
            type: components["schemas"]["ChangeType"];
            initial: boolean;
            statefulSet?: components["schemas"]["StatefulSetView"] | null;
        };
        PodEvent: {
            resourceVersion: string;
            type: components["schemas"]["ChangeType"];
            initial: boolean;
            pod?: components["schemas"]["PodView"] | null;
        };
        EventsMessage: {
            resourceVersion: string;
            initial: boolean;
            events: components["schemas"]["EventView"][];
        };
        /** @enum {string} */
        VolumeClaimPhase: "Bound" | "Pending" | "Lost";
        VolumeClaimStatus: {
            phase: components["schemas"]["VolumeClaimPhase"];
            reason?: string | null;
            terminating: boolean;
        };
        /** @enum {string} */
        VolumeMode: "Filesystem" | "Block";
        VolumeClaimPod: {
            name: string;
            phase: components["schemas"]["PodPhase"];
        };
        VolumeClaimOrigin: {
            statefulSet: string;
            template: string;
            ordinal: number;
        };
        VolumeClaimView: {
            name: string;
            project: string;
            status: components["schemas"]["VolumeClaimStatus"];
            requestedSize: string;
            capacity?: string | null;
            storageClass?: string | null;
            accessModes: components["schemas"]["AccessMode"][];
            volumeMode: components["schemas"]["VolumeMode"];
            volumeName?: string | null;
            mountedBy: components["schemas"]["VolumeClaimPod"][];
            origin?: components["schemas"]["VolumeClaimOrigin"] | null;
            labels: components["schemas"]["KeyValue"][];
            creator?: string | null;
            /** Format: date-time */
            createdAt?: string | null;
            resourceVersion: string;
        };
        VolumeClaimList: {
            items: components["schemas"]["VolumeClaimView"][];
            /** @description Pass as `continue` for the next page; null on the last page */
            continue?: string | null;
            /** @description Matching volumes, all pages */
            totalItems: number;
        };
        CreateVolumeInput: {
            /** @example data */
            name: string;
            storageClass?: string;
            /**
             * @example [
             *       "ReadWriteOnce"
             *     ]
             */
            accessModes: components["schemas"]["AccessMode"][];
            /** @example 1Gi */
            size: string;
            /** @default Filesystem */
            volumeMode?: components["schemas"]["VolumeMode"];
            labels?: components["schemas"]["KeyValue"][];
        };
        VolumeClaimChange: {
            dryRun: boolean;
            objects: components["schemas"]["ObjectYaml"][];
            message?: string | null;
            volume?: components["schemas"]["VolumeClaimView"] | null;
        };
        VolumeClaimDetail: {
            name: string;
            project: string;
            status: components["schemas"]["VolumeClaimStatus"];
            requestedSize: string;
            capacity?: string | null;
            storageClass?: string | null;
            accessModes: components["schemas"]["AccessMode"][];
            volumeMode: components["schemas"]["VolumeMode"];
            volumeName?: string | null;
            mountedBy: components["schemas"]["VolumeClaimPod"][];
            origin?: components["schemas"]["VolumeClaimOrigin"] | null;
            labels: components["schemas"]["KeyValue"][];
            creator?: string | null;
            /** Format: date-time */
            createdAt?: string | null;
            resourceVersion: string;
            events: components["schemas"]["EventView"][];
            yaml: string;
        };
        ExpandVolumeBody: {
            /**
             * @description The new size; larger than the current one
             * @example 20Gi
             */
            size: string;
        };
        ImagePort: {
            /** @example tcp-80 */
            name: string;
            protocol: components["schemas"]["Protocol"];
            /** @example 80 */
            containerPort: number;
        };
        ImageEnvVar: {
            name: string;
            value: string;
        };
        ImageInfo: {
            /** @example docker.io/library/nginx:latest */
            image: string;
            registry: string;
            repository: string;
            tag?: string | null;
            /** @example sha256:… */
            digest: string;
            /** @example linux/amd64 */
            platform: string;
            ports: components["schemas"]["ImagePort"][];
            entrypoint: string[];
            cmd: string[];
            env: components["schemas"]["ImageEnvVar"][];
            workingDir?: string | null;
            user?: string | null;
            tags: string[];
            /** Format: date-time */
            createdAt?: string | null;
        };
        WorkloadUseView: {
            kind: string;
            name: string;
        };
        ConfigMapView: {
            labels: components["schemas"]["KeyValue"][];
            /** Format: date-time */
            createdAt?: string | null;
            creator?: string | null;
            resourceVersion: string;
            usedBy: components["schemas"]["WorkloadUseView"][];
            name: string;
            data: components["schemas"]["KeyValue"][];
            binaryKeys: string[];
        };
        ConfigMapList: {
            items: components["schemas"]["ConfigMapView"][];
            /** @description Pass as `continue` for the next page; null on the last page */
            continue?: string | null;
            /** @description Matching ConfigMaps, all pages */
            totalItems: number;
        };
        CreateConfigMapInput: {
            data: components["schemas"]["KeyValue"][];
            labels?: components["schemas"]["KeyValue"][];
            name: string;
        };
        ConfigMapDataInput: {
            data: components["schemas"]["KeyValue"][];
            labels?: components["schemas"]["KeyValue"][];
        };
        SecretView: {
            labels: components["schemas"]["KeyValue"][];
            /** Format: date-time */
            createdAt?: string | null;
            creator?: string | null;
            resourceVersion: string;
            usedBy: components["schemas"]["WorkloadUseView"][];
            name: string;
            /** @enum {string} */
            kind: "OPAQUE" | "IMAGE_REGISTRY" | "OTHER";
            type: string;
            keys: string[];
        };
        SecretList: {
            items: components["schemas"]["SecretView"][];
            /** @description Pass as `continue` for the next page; null on the last page */
            continue?: string | null;
            /** @description Matching Secrets, all pages */
            totalItems: number;
        };
        RegistryCredentialsInput: {
            server: string;
            username: string;
            password: string;
            email?: string;
        };
        CreateSecretInput: {
            data?: components["schemas"]["KeyValue"][];
            registry?: components["schemas"]["RegistryCredentialsInput"];
            labels?: components["schemas"]["KeyValue"][];
            name: string;
            /** @enum {string} */
            kind: "OPAQUE" | "IMAGE_REGISTRY";
        };
        SecretValues: {
            name: string;
            data: components["schemas"]["KeyValue"][];
        };
        SecretDataInput: {
            data?: components["schemas"]["KeyValue"][];
            registry?: components["schemas"]["RegistryCredentialsInput"];
            labels?: components["schemas"]["KeyValue"][];
        };
        CreateKubeconfigInput: {
            /** @example ci-deployer */
            name: string;
            /** @default read-only */
            scope?: components["schemas"]["ApiTokenScope"];
            /** Format: date-time */
            expiresAt?: string;
            project?: string;
            server?: string;
        };
        CreatedKubeconfig: {
            kubeconfig: string;
            apiToken: components["schemas"]["ApiToken"];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    OAuthController_token: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    /** @enum {string} */
                    grant_type: "password" | "refresh_token";
                    username?: string;
                    /** Format: password */
                    password?: string;
                    refresh_token?: string;
                };
                "application/json": {
                    /** @enum {string} */
                    grant_type: "password" | "refresh_token";
                    username?: string;
                    /** Format: password */
                    password?: string;
                    refresh_token?: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenAnswer"];
                };
            };
            /** @description RFC 6749 error (e.g. invalid_grant) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthErrorBody"];
                };
            };
            /** @description Too many failed sign-ins; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthErrorBody"];
                };
            };
        };
    };
    OAuthController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    token: string;
                };
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description Revoked (also when it was not valid) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 7009 error (invalid_request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthErrorBody"];
                };
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description From the previous page (its `continue`) */
                continue?: string;
            };
            header?: never;
            path: {
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditRecordList"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UsersController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description From the previous page (its `continue`) */
                continue?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserList"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserInput"];
            };
        };
        responses: {
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UsersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UsersController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What was deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserInput"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UsersController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordInput"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UsersController_tokens: {
        parameters: {
            query?: {
                limit?: number;
                /** @description From the previous page (its `continue`) */
                continue?: string;
            };
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenList"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UsersController_createToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiTokenInput"];
            };
        };
        responses: {
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiToken"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UsersController_revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What was revoked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiToken"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WorkspacesController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description From the previous page (its `continue`) */
                continue?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceList"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WorkspacesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWorkspaceInput"];
            };
        };
        responses: {
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WorkspacesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspace: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WorkspacesController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspace: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What was deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WorkspacesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspace: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWorkspaceInput"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WorkspacesController_members: {
        parameters: {
            query?: {
                limit?: number;
                /** @description From the previous page (its `continue`) */
                continue?: string;
            };
            header?: never;
            path: {
                workspace: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberList"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WorkspacesController_addMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspace: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkspaceMemberInput"];
            };
        };
        responses: {
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WorkspacesController_changeMemberRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspace: string;
                username: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkspaceRoleInput"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WorkspacesController_removeMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspace: string;
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Who was removed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WorkspacesController_projectsOf: {
        parameters: {
            query?: {
                limit?: number;
                /** @description From the previous page (its `continue`) */
                continue?: string;
            };
            header?: never;
            path: {
                workspace: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectList"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WorkspacesController_createProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The workspace */
                workspace: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProjectInput"];
            };
        };
        responses: {
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectDetail"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProjectsController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description From the previous page (its `continue`) */
                continue?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectList"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProjectsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectDetail"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProjectsController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What was deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProjectsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProjectInput"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProjectsController_updateSecurity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectSecurityInput"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProjectsController_members: {
        parameters: {
            query?: {
                limit?: number;
                /** @description From the previous page (its `continue`) */
                continue?: string;
            };
            header?: never;
            path: {
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberList"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProjectsController_addMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectMemberInput"];
            };
        };
        responses: {
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProjectsController_changeMemberRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project: string;
                username: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectRoleInput"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProjectsController_removeMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project: string;
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Who was removed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    HealthController_healthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_readyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The Kubernetes API server is not reachable, or the read cache is not synced or has lost its watch */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ClusterController_cluster: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cluster"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StorageClassesController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description From the previous page (its `continue`) */
                continue?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StorageClassList"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StatefulSetsController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description From the previous page (its `continue`) */
                continue?: string;
                sortBy?: "name" | "createdAt";
                ascending?: boolean;
                /** @description Part of the name */
                name?: string;
                labelSelector?: string;
                status?: components["schemas"]["StatefulSetPhase"];
            };
            header?: never;
            path: {
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatefulSetList"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StatefulSetsController_create: {
        parameters: {
            query?: {
                /** @description Validate with the API server and answer what would be written, without writing */
                dryRun?: boolean;
            };
            header?: never;
            path: {
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        /** @description The form as JSON, or a StatefulSet (and optionally its Service) as YAML */
        requestBody: {
            content: {
                "application/json": components["schemas"]["StatefulSetForm"];
                "application/yaml": components["schemas"]["StatefulSetForm"];
            };
        };
        responses: {
            /** @description A dry run: what would be written */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatefulSetChange"];
                };
            };
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatefulSetChange"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StatefulSetsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With "Accept: application/yaml", the StatefulSet as YAML */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatefulSetDetail"];
                    "application/yaml": components["schemas"]["StatefulSetDetail"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/yaml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/yaml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/yaml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/yaml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/yaml": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StatefulSetsController_update: {
        parameters: {
            query?: {
                /** @description Validate with the API server and answer what would be written, without writing */
                dryRun?: boolean;
                /** @description From the StatefulSet as read (a stale one gets 409); for YAML, the YAML may carry it */
                resourceVersion?: string;
            };
            header?: never;
            path: {
                name: string;
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        /** @description The edited form as JSON (with ?resourceVersion=), or the StatefulSet as YAML */
        requestBody: {
            content: {
                "application/json": components["schemas"]["StatefulSetForm"];
                "application/yaml": components["schemas"]["StatefulSetForm"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatefulSetChange"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StatefulSetsController_delete: {
        parameters: {
            query?: {
                /** @description Validate with the API server and answer what would be written, without writing */
                dryRun?: boolean;
                deleteService?: boolean;
                /** @description Also delete the claims made from the volume claim templates (their data goes) */
                deleteVolumes?: boolean;
            };
            header?: never;
            path: {
                name: string;
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What was (or would be) deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatefulSetChange"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StatefulSetsController_scale: {
        parameters: {
            query?: {
                /** @description Validate with the API server and answer what would be written, without writing */
                dryRun?: boolean;
            };
            header?: never;
            path: {
                name: string;
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScaleBody"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatefulSetChange"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StatefulSetsController_redeploy: {
        parameters: {
            query?: {
                /** @description Validate with the API server and answer what would be written, without writing */
                dryRun?: boolean;
            };
            header?: never;
            path: {
                name: string;
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatefulSetChange"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StatefulSetsController_updateService: {
        parameters: {
            query?: {
                /** @description Validate with the API server and answer what would be written, without writing */
                dryRun?: boolean;
            };
            header?: never;
            path: {
                name: string;
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ServicePortsBody"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatefulSetChange"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StatefulSetsController_listRevisions: {
        parameters: {
            query?: {
                limit?: number;
                /** @description From the previous page (its `continue`) */
                continue?: string;
            };
            header?: never;
            path: {
                name: string;
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevisionList"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StatefulSetsController_diff: {
        parameters: {
            query: {
                from: number;
                to: number;
            };
            header?: never;
            path: {
                name: string;
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevisionDiff"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StatefulSetsController_rollback: {
        parameters: {
            query?: {
                /** @description Validate with the API server and answer what would be written, without writing */
                dryRun?: boolean;
            };
            header?: never;
            path: {
                name: string;
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RollbackBody"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatefulSetChange"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StatefulSetsController_listPods: {
        parameters: {
            query?: {
                limit?: number;
                /** @description From the previous page (its `continue`) */
                continue?: string;
            };
            header?: never;
            path: {
                name: string;
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PodList"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StatefulSetsController_pod: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                pod: string;
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PodDetail"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StatefulSetsController_deletePod: {
        parameters: {
            query?: {
                /** @description Validate with the API server and answer what would be written, without writing */
                dryRun?: boolean;
            };
            header?: never;
            path: {
                pod: string;
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What was deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PodView"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StatefulSetsController_logs: {
        parameters: {
            query?: {
                container?: string;
                tailLines?: number;
                sinceSeconds?: number;
                timestamps?: boolean;
                /** @description Stream until the client disconnects */
                follow?: boolean;
            };
            header?: never;
            path: {
                pod: string;
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The log as text/plain */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StatefulSetStreamsController_list: {
        parameters: {
            query?: {
                /** @description Resume after this resourceVersion (an earlier message’s id; the Last-Event-ID header works too). Too old: 410 EXPIRED */
                after?: string;
                /** @description Part of the name */
                name?: string;
                labelSelector?: string;
                status?: components["schemas"]["StatefulSetPhase"];
            };
            header?: never;
            path: {
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server-Sent Events: each `event: change` carries one message as JSON (its `id` is the cursor to resume after); an `event: error` (the REST error body) ends the stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["StatefulSetListEvent"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The cursor (`after`, Last-Event-ID) is older than what is remembered: start over without it */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StatefulSetStreamsController_detail: {
        parameters: {
            query?: {
                /** @description Resume after this resourceVersion (an earlier message’s id; the Last-Event-ID header works too). Too old: 410 EXPIRED */
                after?: string;
            };
            header?: never;
            path: {
                name: string;
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server-Sent Events: each `event: change` carries one message as JSON (its `id` is the cursor to resume after); an `event: error` (the REST error body) ends the stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["StatefulSetEvent"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The cursor (`after`, Last-Event-ID) is older than what is remembered: start over without it */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StatefulSetStreamsController_pod: {
        parameters: {
            query?: {
                /** @description Resume after this resourceVersion (an earlier message’s id; the Last-Event-ID header works too). Too old: 410 EXPIRED */
                after?: string;
            };
            header?: never;
            path: {
                pod: string;
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server-Sent Events: each `event: change` carries one message as JSON (its `id` is the cursor to resume after); an `event: error` (the REST error body) ends the stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["PodEvent"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The cursor (`after`, Last-Event-ID) is older than what is remembered: start over without it */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StatefulSetStreamsController_events: {
        parameters: {
            query?: {
                /** @description Resume after this resourceVersion (an earlier message’s id; the Last-Event-ID header works too). Too old: 410 EXPIRED */
                after?: string;
                /** @description e.g. StatefulSet or Pod */
                kind?: string;
                name?: string;
            };
            header?: never;
            path: {
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server-Sent Events: each `event: change` carries one message as JSON (its `id` is the cursor to resume after); an `event: error` (the REST error body) ends the stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["EventsMessage"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The cursor (`after`, Last-Event-ID) is older than what is remembered: start over without it */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many requests; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    VolumesController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description From the previous page (its `continue`) */
                continue?: string;
                /** @description capacity: the bound size, else the requested one */
                sortBy?: "name" | "createdAt" | "capacity";
                ascending?: boolean;
                /** @description Part of the name */
                name?: string;
                status?: components["schemas"]["VolumeClaimPhase"];
                storageClass?: string;
                labelSelector?: string;
            };
            header?: never;
            path: {
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VolumeClaimList"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    VolumesController_create: {
        parameters: {
            query?: {
                /** @description Validate with the API server and answer what would be written, without writing */
                dryRun?: boolean;
            };
            header?: never;
            path: {
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateVolumeInput"];
            };
        };
        responses: {
            /** @description A dry run: what would be written */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VolumeClaimChange"];
                };
            };
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VolumeClaimChange"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    VolumesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description With "Accept: application/yaml", the claim as YAML */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VolumeClaimDetail"];
                    "application/yaml": components["schemas"]["VolumeClaimDetail"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/yaml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/yaml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/yaml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/yaml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "application/yaml": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    VolumesController_delete: {
        parameters: {
            query?: {
                /** @description Validate with the API server and answer what would be written, without writing */
                dryRun?: boolean;
                /** @description Delete even while workloads use it */
                force?: boolean;
            };
            header?: never;
            path: {
                name: string;
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VolumeClaimChange"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    VolumesController_expand: {
        parameters: {
            query?: {
                /** @description Validate with the API server and answer what would be written, without writing */
                dryRun?: boolean;
            };
            header?: never;
            path: {
                name: string;
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExpandVolumeBody"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VolumeClaimChange"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ImagesController_inspect: {
        parameters: {
            query: {
                image: string;
                /** @description An image-registry Secret of the project */
                secret?: string;
                /** @description Default linux/amd64 */
                platform?: string;
            };
            header?: never;
            path: {
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImageInfo"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ConfigMapsController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description From the previous page (its `continue`) */
                continue?: string;
                /** @description Part of the name */
                name?: string;
            };
            header?: never;
            path: {
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigMapList"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ConfigMapsController_create: {
        parameters: {
            query?: {
                /** @description Validate with the API server and answer what would be written, without writing */
                dryRun?: boolean;
            };
            header?: never;
            path: {
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateConfigMapInput"];
            };
        };
        responses: {
            /** @description A dry run: what would be written */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigMapView"];
                };
            };
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigMapView"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ConfigMapsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigMapView"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ConfigMapsController_update: {
        parameters: {
            query: {
                /** @description Validate with the API server and answer what would be written, without writing */
                dryRun?: boolean;
                /** @description As read, so that a change made meanwhile is not overwritten (409 if it was) */
                resourceVersion: string;
            };
            header?: never;
            path: {
                name: string;
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfigMapDataInput"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigMapView"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ConfigMapsController_delete: {
        parameters: {
            query?: {
                /** @description Validate with the API server and answer what would be written, without writing */
                dryRun?: boolean;
                /** @description Delete even while workloads use it */
                force?: boolean;
            };
            header?: never;
            path: {
                name: string;
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What was deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigMapView"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SecretsController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description From the previous page (its `continue`) */
                continue?: string;
                /** @description Part of the name */
                name?: string;
            };
            header?: never;
            path: {
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Keys only, never values */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretList"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SecretsController_create: {
        parameters: {
            query?: {
                /** @description Validate with the API server and answer what would be written, without writing */
                dryRun?: boolean;
            };
            header?: never;
            path: {
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSecretInput"];
            };
        };
        responses: {
            /** @description A dry run: what would be written */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretView"];
                };
            };
            /** @description Keys only, never values */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretView"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SecretsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Keys only, never values */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretView"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SecretsController_update: {
        parameters: {
            query: {
                /** @description Validate with the API server and answer what would be written, without writing */
                dryRun?: boolean;
                /** @description As read, so that a change made meanwhile is not overwritten (409 if it was) */
                resourceVersion: string;
            };
            header?: never;
            path: {
                name: string;
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SecretDataInput"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretView"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SecretsController_delete: {
        parameters: {
            query?: {
                /** @description Validate with the API server and answer what would be written, without writing */
                dryRun?: boolean;
                /** @description Delete even while workloads use it */
                force?: boolean;
            };
            header?: never;
            path: {
                name: string;
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What was deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretView"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    SecretsController_values: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                /** @description The project (its namespace) */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretValues"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The object (or a scope the caller may not see) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    KubeconfigController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateKubeconfigInput"];
            };
        };
        responses: {
            /** @description Done */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedKubeconfig"];
                };
            };
            /** @description The input is invalid; `fields` names each refused input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No valid access token or API token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The role lacks the permission */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Kubernetes API server is unreachable or overloaded; retry later */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
}
