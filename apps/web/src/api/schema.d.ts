// Generated from docs/openapi.json by tools/web-client.mjs (openapi-typescript). Do not edit: run `npm run build`.

export type paths = {
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in
         * @description Returns a bearer token for the other endpoints, and sets the same token as the browser session cookie `dueflow_session` (HttpOnly, SameSite=Strict, Path=/, Secure over HTTPS; it expires with the token). A request signed in by the cookie alone that changes something (POST, PUT, PATCH, DELETE) must carry `X-Requested-With: dueflow`, or gets 403.
         *
         *     Public: no token needed.
         */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out of the browser session
         * @description Clears the session cookie. Needs no token and may be repeated; a bearer token stays valid until it expires.
         *
         *     Public: no token needed.
         */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the caller's password
         * @description Needs the current password; a wrong one counts as a failed sign-in. Tokens already issued stay valid until they expire.
         */
        post: operations["AuthController_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness
         * @description The process answers.
         *
         *     Public: no token needed.
         */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness
         * @description OK only when PostgreSQL and Temporal both answer.
         *
         *     Public: no token needed.
         */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's account
         * @description Roles as they are now, the reviewer profile, and the console language.
         */
        get: operations["MeController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the caller's name or console language */
        patch: operations["MeController_update"];
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics
         * @description This API instance's metrics in the Prometheus text format: request latency by route, workflow starts and Updates, open and overdue review tasks, undelivered and failing notifications.
         *
         *     Public: no token needed.
         */
        get: operations["MetricsController_scrape"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's notifications
         * @description Newest first, by cursor; `unread=true` for the unread ones. Texts come in the caller's language.
         */
        get: operations["NotificationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark one of the caller's notifications read
         * @description Idempotent: a second call keeps the first time.
         */
        post: operations["NotificationsController_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the policy in force
         * @description With its `version`: send the policy back to PUT /policy with it.
         */
        get: operations["PolicyController_current"];
        /**
         * Replace the policy
         * @description Takes what GET /policy returned, edited. `version` is required: the version the edit started from. For projects submitted from now on; running projects keep the snapshot they started with.
         *
         *     Roles: admin.
         */
        put: operations["PolicyController_replace"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List projects
         * @description Officers see their own, managers and admins all; newest first, by cursor.
         *
         *     Roles: officer, manager, admin.
         */
        get: operations["ProjectsController_list"];
        put?: never;
        /**
         * Submit a candidate company
         * @description Starts the project's due-diligence process under the policy in force.
         *
         *     Roles: officer.
         */
        post: operations["ProjectsController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a project
         * @description What the caller sees follows from their part in the project, not their roles alone: anyone holding an open review task on it (a manager or officer who also reviews included), or who reviewed it, gets the reviewer's view: their own track, task and review, no synthesis, decisions or signing. Its officer sees every track without reviewers' names; managers and admins everything, earlier review rounds of a re-opened track included (`tracks.<track>.earlierRounds`). Someone who declined a task on it for a conflict of interest gets 404. Each track shows its current round. The ETag changes whenever what the caller sees of the project changes. With If-None-Match and `Prefer: wait=N` the request is held until a step of the project's process changes it (at most N seconds, N ≤ 60): watch a project instead of polling it.
         */
        get: operations["ProjectsController_detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide on a project
         * @description go, no_go or request_info (with questions). At or above the dual-approval threshold a go needs a second, different manager.
         *
         *     Roles: manager.
         */
        post: operations["ProjectsController_decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/information": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer the managers' questions
         * @description Roles: officer.
         */
        post: operations["ProjectsController_provideInformation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the synthesis report
         * @description Roles: officer, manager, admin.
         */
        get: operations["ProjectsController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a project's failed step
         * @description A step of the process that failed for good (its retries ran out, or it can never succeed as it is) waits, with the reason in `statusDetail` and a `step_failed` event on the timeline; managers and admins are notified. Once the cause is fixed, an admin resumes it: the workflow runs the failed step again (if it fails again, it is reported again and waits).
         *
         *     Roles: admin.
         */
        post: operations["ProjectsController_resume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/signing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the signed agreement
         * @description Roles: officer, manager.
         */
        post: operations["ProjectsController_sign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the project's timeline
         * @description The events of the project the caller's part in it may see, in order: managers and admins every event as recorded; the project's officer its milestones (not the reviewer pool, exclusions, decline reasons or reviewers' names); a reviewer (anyone holding an open task on it) their own assignment, reminder, submission or decline.
         *
         *     Roles: officer, reviewer, manager, admin.
         */
        get: operations["ProjectsController_timeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/timeline/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify the timeline's audit chain
         * @description Recomputes the hash chain of the stored events and reports the first broken link.
         *
         *     Roles: officer, manager, admin.
         */
        get: operations["ProjectsController_verifyTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw a project
         * @description Cancels its open review tasks.
         *
         *     Roles: officer, manager.
         */
        post: operations["ProjectsController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Portfolio figures
         * @description Funnel by status, counts by sector and investment band, signings, timing, overdue tasks.
         *
         *     Roles: manager, admin.
         */
        get: operations["StatsController_portfolio"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List review tasks
         * @description A reviewer sees their own tasks; managers and admins all.
         *
         *     Roles: reviewer, manager, admin.
         */
        get: operations["TasksController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a review task
         * @description With the project's summary, the rubric, once submitted the review, and, for its assignee while it is open, their saved draft.
         *
         *     Roles: reviewer, manager, admin.
         */
        get: operations["TasksController_detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decline a review task
         * @description A replacement is assigned; a declared conflict of interest excludes the reviewer from the company's later projects.
         *
         *     Roles: reviewer.
         */
        post: operations["TasksController_decline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{id}/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Save a review draft
         * @description Any part of a review, replacing the draft saved before; GET /tasks/{id} returns it to the assignee while the task is open. Private to the assignee, and outside the process: saving one changes nothing there. Submitting the review (or declining the task) discards it.
         *
         *     Roles: reviewer, manager, admin.
         */
        put: operations["TasksController_saveDraft"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a review
         * @description Every criterion of the task's rubric scored 1-5. Reviews are blind.
         *
         *     Roles: reviewer.
         */
        post: operations["TasksController_submitReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users
         * @description Deactivated users too (`active: false`).
         *
         *     Roles: admin, manager.
         */
        get: operations["UsersController_list"];
        put?: never;
        /**
         * Create a user
         * @description Roles: admin.
         */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a user
         * @description Name, roles, reviewer profile (replaced whole). A reviewer profile exactly when the reviewer role. Takes effect on the user's next request. Open review tasks of a user who may no longer review are declined through their projects, which assign someone else; `openTasks` counts those that could not be yet (repeat the call).
         *
         *     Roles: admin.
         */
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/users/{id}/conflicts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a reviewer's declared conflicts of interest
         * @description A reviewer their own; an admin anyone's.
         *
         *     Roles: reviewer, admin.
         */
        get: operations["UsersController_listConflicts"];
        put?: never;
        /**
         * Declare a conflict of interest
         * @description A reviewer declares their own; an admin anyone's. The reviewer is excluded from the company's projects.
         *
         *     Roles: reviewer, admin.
         */
        post: operations["UsersController_declareConflict"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}/conflicts/{conflictId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Withdraw a declared conflict of interest
         * @description A reviewer their own; an admin anyone's. Later assignments may choose the reviewer for the company again; current ones stay as they are.
         *
         *     Roles: reviewer, admin.
         */
        delete: operations["UsersController_removeConflict"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deactivate a user
         * @description The user can no longer sign in, every token of theirs is refused from the next request, and no new review task goes to them. The reason is logged and kept on the user. Idempotent (a repeat keeps the first reason). Open review tasks of a user who may no longer review are declined through their projects, which assign someone else; `openTasks` counts those that could not be yet (repeat the call).
         *
         *     Roles: admin.
         */
        post: operations["UsersController_deactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reactivate a user
         * @description The user can sign in again and gets new review tasks. The reason is logged. Idempotent.
         *
         *     Roles: admin.
         */
        post: operations["UsersController_reactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        AccountStatusRequest: {
            reason: string;
        };
        ChangePasswordRequest: {
            currentPassword: string;
            newPassword: string;
        };
        CoInvestment: {
            amount?: components["schemas"]["Money"];
            willing: boolean;
        };
        CoInvestmentInput: {
            amount?: components["schemas"]["MoneyInput"];
            willing: boolean;
        };
        Conflict: {
            company: string;
            /**
             * Format: date-time
             * @description ISO-8601 date-time in UTC
             */
            createdAt: string;
            creditCode: string | null;
            /** Format: uuid */
            id: string;
            reason: string;
            /** Format: uuid */
            reviewerId: string;
        };
        ConflictList: {
            items: components["schemas"]["Conflict"][];
        };
        ConflictRequest: {
            company: string;
            /** @description unified social credit code (统一社会信用代码), 18 characters with its check character */
            creditCode?: string;
            reason: string;
        };
        ContactInput: {
            /** Format: email */
            email?: string;
            name?: string;
            phone?: string;
            title?: string;
        };
        CreateProjectRequest: {
            company: string;
            contact?: components["schemas"]["ContactInput"];
            /** @description unified social credit code (统一社会信用代码), 18 characters with its check character */
            creditCode?: string;
            expectedAnnualOutput?: components["schemas"]["MoneyInput"];
            headcount?: number;
            landAreaMu?: number;
            name: string;
            /** @enum {string} */
            sector: "high_end_equipment" | "new_energy_materials" | "digital_economy" | "medical_devices" | "integrated_circuits" | "artificial_intelligence" | "robotics" | "connected_vehicles" | "other";
            /** @enum {string} */
            source: "direct" | "capital_referral" | "industry_chain" | "incubator";
            /** @enum {string} */
            stage?: "nursery" | "incubator" | "accelerator" | "industrial_community";
            summary: string;
            totalInvestment: components["schemas"]["MoneyInput"];
        };
        CreateUserRequest: {
            /** Format: email */
            email: string;
            name: string;
            password: string;
            reviewer?: components["schemas"]["ReviewerProfileInput"];
            roles: ("officer" | "reviewer" | "manager" | "admin")[];
        };
        DecisionRequestBody: {
            conditions?: string[];
            /** @enum {string} */
            outcome: "go" | "no_go" | "request_info";
            questions?: string[];
            rationale: string;
            reopenTracks?: ("expert" | "vc" | "academic")[];
        };
        DeclineRequestBody: {
            conflictOfInterest: boolean;
            reason: string;
        };
        ErrorBody: {
            /** @description every bad field, when the input was at fault */
            details?: components["schemas"]["FieldProblem"][];
            /** @description short name of the status, e.g. Bad Request */
            error: string;
            message: string;
            /** @description the X-Request-Id of the call (always set by the API) */
            requestId?: string;
            statusCode: number;
        };
        FieldProblem: {
            /** @description dotted path of the bad input, e.g. totalInvestment.amount */
            field: string;
            /** @description "is required", "is not a known field", or what the value must be */
            problem: string;
        };
        InboxNotification: {
            body: string;
            /**
             * Format: date-time
             * @description ISO-8601 date-time in UTC
             */
            createdAt: string;
            /**
             * Format: uuid
             * @description the recipient's inbox entry (what POST /notifications/{id}/read takes)
             */
            id: string;
            /** @description assignment, reminder, escalation, quorum_failure, decision, information_request, decision_reminder */
            kind: string;
            /** Format: uuid */
            projectId?: string;
            readAt: string | null;
            /** @description in the caller's language (their `locale`) */
            subject: string;
            /** Format: uuid */
            taskId?: string;
        };
        InboxPage: {
            items: components["schemas"]["InboxNotification"][];
            /** @description pass as `cursor` for the next page; null on the last */
            nextCursor: string | null;
        };
        InformationRequestBody: {
            answers: string[];
        };
        InformationRound: {
            answeredAt: string | null;
            /** @description the officer who answered (not shown to reviewers) */
            answeredBy?: string | null;
            /** @description empty while the officer has not answered */
            answers: string[];
            questions: string[];
            reopenTracks: components["schemas"]["Track"][];
            /**
             * Format: date-time
             * @description ISO-8601 date-time in UTC
             */
            requestedAt: string;
            /**
             * Format: uuid
             * @description the manager who asked (not shown to reviewers)
             */
            requestedBy?: string;
            round: number;
        };
        ListNotificationsQuery: {
            cursor?: string;
            limit?: number;
            /** @enum {string} */
            unread?: "true" | "false";
        };
        ListProjectsQuery: {
            cursor?: string;
            limit?: number;
            /** @enum {string} */
            sector?: "high_end_equipment" | "new_energy_materials" | "digital_economy" | "medical_devices" | "integrated_circuits" | "artificial_intelligence" | "robotics" | "connected_vehicles" | "other";
            /** @enum {string} */
            status?: "screening" | "in_review" | "synthesis" | "awaiting_decision" | "information_requested" | "awaiting_second_approval" | "approved" | "signed" | "rejected" | "withdrawn" | "lapsed";
        };
        ListTasksQuery: {
            /** Format: uuid */
            projectId?: string;
            /** @enum {string} */
            status?: "open" | "submitted" | "declined" | "expired" | "cancelled";
            /** @enum {string} */
            track?: "expert" | "vc" | "academic";
        };
        ListUsersQuery: {
            /** @enum {string} */
            role?: "officer" | "reviewer" | "manager" | "admin";
        };
        Liveness: {
            /** @description "ok" */
            status: string;
        };
        LoggedOut: {
            /** @constant */
            loggedOut: true;
        };
        LoginRequest: {
            /** Format: email */
            email: string;
            password: string;
        };
        Me: {
            email: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            locale: "zh-CN" | "en";
            name: string;
            /** @description reviewers only */
            reviewer?: {
                affiliation: string | null;
                maxOpenTasks: number;
                sectors: components["schemas"]["Sector"][];
                tracks: components["schemas"]["Track"][];
            };
            roles: components["schemas"]["Role"][];
        };
        Money: {
            /** @description integer yuan */
            amount: number;
            /** @enum {string} */
            currency: "CNY";
        };
        MoneyInput: {
            /** @description integer yuan */
            amount: number;
            /** @enum {string} */
            currency: "CNY";
        };
        PasswordChanged: {
            /**
             * Format: date-time
             * @description ISO-8601 date-time in UTC
             */
            changedAt: string;
        };
        PersonRef: {
            /** Format: uuid */
            id: string;
            name: string | null;
        };
        Policy: {
            /** @description ISO-8601 duration, e.g. P14D or PT30S */
            decisionDeadline: string;
            dualApprovalThreshold: components["schemas"]["Money"];
            maxReassignments: number;
            minimumInvestment: components["schemas"]["Money"];
            /** @description per track, at most reviewersPerTrack */
            quorum: {
                academic: number;
                expert: number;
                vc: number;
            };
            /** @description shorter than reviewDeadline */
            reminderBefore: string;
            /** @description ISO-8601 duration, e.g. P14D or PT30S */
            reviewDeadline: string;
            reviewersPerTrack: {
                academic: number;
                expert: number;
                vc: number;
            };
            sectors: components["schemas"]["Sector"][];
            /** @description ISO-8601 duration, e.g. P14D or PT30S */
            signingDeadline: string;
            /** @description the weights add up to 1 */
            trackWeights: {
                academic: number;
                expert: number;
                vc: number;
            };
        };
        PolicyReplacement: {
            /** @description ISO-8601 duration, e.g. P14D or PT30S */
            decisionDeadline: string;
            dualApprovalThreshold: components["schemas"]["MoneyInput"];
            maxReassignments: number;
            minimumInvestment: components["schemas"]["MoneyInput"];
            /** @description per track, at most reviewersPerTrack */
            quorum: {
                academic: number;
                expert: number;
                vc: number;
            };
            /** @description shorter than reviewDeadline */
            reminderBefore: string;
            /** @description ISO-8601 duration, e.g. P14D or PT30S */
            reviewDeadline: string;
            reviewersPerTrack: {
                academic: number;
                expert: number;
                vc: number;
            };
            sectors: ("high_end_equipment" | "new_energy_materials" | "digital_economy" | "medical_devices" | "integrated_circuits" | "artificial_intelligence" | "robotics" | "connected_vehicles" | "other")[];
            /** @description ISO-8601 duration, e.g. P14D or PT30S */
            signingDeadline: string;
            /** @description the weights add up to 1 */
            trackWeights: {
                academic: number;
                expert: number;
                vc: number;
            };
            /** @description the version this edit started from (GET /policy) */
            version: number;
        };
        PolicyVersion: {
            /** @description ISO-8601 duration, e.g. P14D or PT30S */
            decisionDeadline: string;
            dualApprovalThreshold: components["schemas"]["Money"];
            maxReassignments: number;
            minimumInvestment: components["schemas"]["Money"];
            /** @description per track, at most reviewersPerTrack */
            quorum: {
                academic: number;
                expert: number;
                vc: number;
            };
            /** @description shorter than reviewDeadline */
            reminderBefore: string;
            /** @description ISO-8601 duration, e.g. P14D or PT30S */
            reviewDeadline: string;
            reviewersPerTrack: {
                academic: number;
                expert: number;
                vc: number;
            };
            sectors: components["schemas"]["Sector"][];
            /** @description ISO-8601 duration, e.g. P14D or PT30S */
            signingDeadline: string;
            /** @description the weights add up to 1 */
            trackWeights: {
                academic: number;
                expert: number;
                vc: number;
            };
            version: number;
        };
        PortfolioStats: {
            /**
             * Format: date-time
             * @description database time of the one snapshot every figure comes from
             */
            asOf: string;
            byInvestmentBand: {
                count: number;
                key: string;
                label: string;
            }[];
            bySector: {
                artificial_intelligence: number;
                connected_vehicles: number;
                digital_economy: number;
                high_end_equipment: number;
                integrated_circuits: number;
                medical_devices: number;
                new_energy_materials: number;
                other: number;
                robotics: number;
            };
            /** @description projects by status */
            funnel: {
                approved: number;
                awaiting_decision: number;
                awaiting_second_approval: number;
                in_review: number;
                information_requested: number;
                lapsed: number;
                rejected: number;
                screening: number;
                signed: number;
                synthesis: number;
                withdrawn: number;
            };
            /** @description 2 decimals; null before any decision */
            medianDaysToFirstDecision: number | null;
            overdueTasks: number;
            signed: {
                agreedInvestment: components["schemas"]["Money"];
                count: number;
            };
        };
        ProjectDetail: {
            company: string;
            contact: {
                [key: string]: string;
            } | null;
            /**
             * Format: date-time
             * @description ISO-8601 date-time in UTC
             */
            createdAt: string;
            /** @description the company's unified social credit code (统一社会信用代码), when the officer gave it */
            creditCode: string | null;
            /** @description every rubric criterion key → its label in the reader's language (their account's `locale`) */
            criteria: {
                [key: string]: string;
            };
            /** @description empty for reviewers */
            decisions: {
                conditions: string[];
                /**
                 * Format: date-time
                 * @description ISO-8601 date-time in UTC
                 */
                decidedAt: string;
                /** Format: uuid */
                managerId: string;
                /** @enum {string} */
                outcome: "go" | "no_go" | "request_info";
                questions: string[];
                rationale: string;
                seq: number;
            }[];
            expectedAnnualOutput: components["schemas"]["Money"] | null;
            headcount: number | null;
            /** Format: uuid */
            id: string;
            /** @description the information requests and answers the caller may read (see InformationRound) */
            information: components["schemas"]["InformationRound"][];
            landAreaMu: number | null;
            name: string;
            /** @description the policy snapshot the project runs under */
            policy: components["schemas"]["Policy"];
            policyVersion: number;
            sector: components["schemas"]["Sector"];
            /** @description null for reviewers */
            signing: {
                agreedInvestment: components["schemas"]["Money"];
                notes: string | null;
                /** Format: uuid */
                recordedBy: string;
                /**
                 * Format: date-time
                 * @description ISO-8601 date-time in UTC
                 */
                signedAt: string;
            } | null;
            /** @enum {string} */
            source: "direct" | "capital_referral" | "industry_chain" | "incubator";
            stage: ("nursery" | "incubator" | "accelerator" | "industrial_community") | null;
            status: components["schemas"]["ProjectStatus"];
            /** @description why it is where it is: a screening refusal, a track short of reviewers, a lapse */
            statusDetail: string | null;
            /** Format: uuid */
            submittedBy: string;
            summary: string;
            /** @description once ready, for the panel; null for reviewers. Its rules and forecast assumptions are in the reader's language */
            synthesis: components["schemas"]["SynthesisReport"] | null;
            totalInvestment: components["schemas"]["Money"];
            /** @description every track for the officer, managers and admins; a reviewer gets only the track(s) they review on */
            tracks: {
                academic?: components["schemas"]["TrackPanel"];
                expert?: components["schemas"]["TrackPanel"];
                vc?: components["schemas"]["TrackPanel"];
            };
            /**
             * Format: date-time
             * @description ISO-8601 date-time in UTC
             */
            updatedAt: string;
        };
        ProjectPage: {
            items: components["schemas"]["ProjectSummary"][];
            /** @description pass as `cursor` for the next page; null on the last */
            nextCursor: string | null;
        };
        /** @description rules and forecast assumptions in the reader's language */
        ProjectReport: {
            /**
             * Format: date-time
             * @description ISO-8601 date-time in UTC
             */
            createdAt: string;
            /** @description every rubric criterion key → its label in the reader's language (their account's `locale`) */
            criteria: {
                [key: string]: string;
            };
            endorsements: {
                firms: {
                    amount: components["schemas"]["Money"] | null;
                    /** Format: uuid */
                    reviewerId: string;
                }[];
                totalAmount: components["schemas"]["Money"];
                vcReviews: number;
                willing: number;
            };
            forecast: {
                assumptions: string[];
                expectedInvestment: components["schemas"]["Money"];
                /** @enum {string} */
                outlook: "favourable" | "moderate" | "cautious";
                realisationRate: number;
            };
            /** @description the managers' information requests and the officer's answers, round by round */
            information: components["schemas"]["InformationRound"][];
            overallScore: number | null;
            /** Format: uuid */
            projectId: string;
            recommendation: components["schemas"]["Recommendation"];
            riskPoints: {
                category: string;
                /** @description the highest severity any source gave */
                severity: components["schemas"]["Severity"];
                sources: {
                    description: string;
                    /** Format: uuid */
                    reviewerId: string;
                    severity: components["schemas"]["Severity"];
                    track: components["schemas"]["Track"];
                }[];
            }[];
            rules: {
                description: string;
                fired: boolean;
                id: string;
            }[];
            trackScores: {
                academic: {
                    recommendations: {
                        conditional: number;
                        go: number;
                        no_go: number;
                    };
                    reviews: number;
                    score: number | null;
                    /** @enum {string} */
                    status: "complete" | "quorum_failed";
                    weight: number;
                };
                expert: {
                    recommendations: {
                        conditional: number;
                        go: number;
                        no_go: number;
                    };
                    reviews: number;
                    score: number | null;
                    /** @enum {string} */
                    status: "complete" | "quorum_failed";
                    weight: number;
                };
                vc: {
                    recommendations: {
                        conditional: number;
                        go: number;
                        no_go: number;
                    };
                    reviews: number;
                    score: number | null;
                    /** @enum {string} */
                    status: "complete" | "quorum_failed";
                    weight: number;
                };
            };
            /** @constant */
            version: 1;
        };
        /** @enum {string} */
        ProjectStatus: "screening" | "in_review" | "synthesis" | "awaiting_decision" | "information_requested" | "awaiting_second_approval" | "approved" | "signed" | "rejected" | "withdrawn" | "lapsed";
        ProjectSummary: {
            company: string;
            /**
             * Format: date-time
             * @description ISO-8601 date-time in UTC
             */
            createdAt: string;
            /** Format: uuid */
            id: string;
            name: string;
            sector: components["schemas"]["Sector"];
            /** @enum {string} */
            source: "direct" | "capital_referral" | "industry_chain" | "incubator";
            stage: ("nursery" | "incubator" | "accelerator" | "industrial_community") | null;
            status: components["schemas"]["ProjectStatus"];
            /** @description why it is where it is: a screening refusal, a track short of reviewers, a lapse */
            statusDetail: string | null;
            /** Format: uuid */
            submittedBy: string;
            totalInvestment: components["schemas"]["Money"];
            /**
             * Format: date-time
             * @description ISO-8601 date-time in UTC
             */
            updatedAt: string;
        };
        /** @description Prometheus text exposition format */
        PrometheusText: string;
        Readiness: {
            checks: {
                postgres: {
                    error?: string;
                    /** @enum {string} */
                    status: "up" | "down";
                };
                temporal: {
                    error?: string;
                    /** @enum {string} */
                    status: "up" | "down";
                };
            };
            /** @description "ok" (otherwise the answer is a 503 error) */
            status: string;
        };
        /** @enum {string} */
        Recommendation: "go" | "conditional" | "no_go";
        ResumeRequestBody: {
            reason: string;
        };
        Review: {
            coInvestment?: components["schemas"]["CoInvestment"];
            comments: string;
            /** Format: uuid */
            id: string;
            recommendation: components["schemas"]["Recommendation"];
            /**
             * Format: uuid
             * @description omitted for the project's officer: reviewers are anonymous to the submitter
             */
            reviewerId?: string;
            riskPoints: components["schemas"]["RiskPoint"][];
            /** @description the track's review round the review belongs to: 0 first, +1 each time the track is re-opened */
            round: number;
            /** @description criterion key → score */
            scores: {
                [key: string]: number;
            };
            /**
             * Format: date-time
             * @description ISO-8601 date-time in UTC
             */
            submittedAt: string;
            /** Format: uuid */
            taskId: string;
            track: components["schemas"]["Track"];
        };
        ReviewDraft: {
            coInvestment?: {
                amount?: {
                    amount?: number;
                    /** @enum {string} */
                    currency?: "CNY";
                };
                willing?: boolean;
            };
            comments?: string;
            recommendation?: components["schemas"]["Recommendation"];
            riskPoints?: {
                category?: string;
                description?: string;
                severity?: components["schemas"]["Severity"];
            }[];
            /**
             * Format: date-time
             * @description ISO-8601 date-time in UTC
             */
            savedAt: string;
            /** @description criterion key → score, for the criteria scored so far */
            scores?: {
                [key: string]: number;
            };
            /** Format: uuid */
            taskId: string;
        };
        ReviewDraftRequestBody: {
            coInvestment?: {
                amount?: {
                    /** @description integer yuan */
                    amount?: number;
                    /** @enum {string} */
                    currency?: "CNY";
                };
                willing?: boolean;
            };
            comments?: string;
            /** @enum {string} */
            recommendation?: "go" | "conditional" | "no_go";
            riskPoints?: {
                category?: string;
                description?: string;
                /** @enum {string} */
                severity?: "low" | "medium" | "high";
            }[];
            scores?: {
                [key: string]: number;
            };
        };
        ReviewerProfileInput: {
            affiliation?: string;
            maxOpenTasks: number;
            sectors: ("high_end_equipment" | "new_energy_materials" | "digital_economy" | "medical_devices" | "integrated_circuits" | "artificial_intelligence" | "robotics" | "connected_vehicles" | "other")[];
            tracks: ("expert" | "vc" | "academic")[];
        };
        ReviewRequestBody: {
            coInvestment?: components["schemas"]["CoInvestmentInput"];
            comments: string;
            /** @enum {string} */
            recommendation: "go" | "conditional" | "no_go";
            riskPoints: components["schemas"]["RiskPointInput"][];
            /** @description every criterion key of the task's rubric, each scored */
            scores: {
                [key: string]: number;
            };
        };
        RiskPoint: {
            category: string;
            description: string;
            severity: components["schemas"]["Severity"];
        };
        RiskPointInput: {
            category: string;
            description: string;
            /** @enum {string} */
            severity: "low" | "medium" | "high";
        };
        /** @enum {string} */
        Role: "officer" | "reviewer" | "manager" | "admin";
        Rubric: {
            criteria: {
                /** @description what the criterion asks */
                description: string;
                key: string;
                label: string;
                /** @description what each score means, 1 to 5 */
                levels: {
                    meaning: string;
                    score: number;
                }[];
                weight: number;
            }[];
            track: components["schemas"]["Track"];
            version: number;
        };
        /** @enum {string} */
        Sector: "high_end_equipment" | "new_energy_materials" | "digital_economy" | "medical_devices" | "integrated_circuits" | "artificial_intelligence" | "robotics" | "connected_vehicles" | "other";
        Session: {
            accessToken: string;
            /** @description seconds */
            expiresIn: number;
            /** @constant */
            tokenType: "Bearer";
            user: {
                email: string;
                /** Format: uuid */
                id: string;
                name: string;
                roles: components["schemas"]["Role"][];
            };
        };
        /** @enum {string} */
        Severity: "low" | "medium" | "high";
        SigningRequestBody: {
            agreedInvestment: {
                /** @description integer yuan */
                amount: number;
                /** @enum {string} */
                currency: "CNY";
            };
            notes?: string;
            /** Format: date-time */
            signedAt: string;
        };
        StatusAnswer: {
            status: components["schemas"]["ProjectStatus"];
        };
        SynthesisReport: {
            endorsements: {
                firms: {
                    amount: components["schemas"]["Money"] | null;
                    /** Format: uuid */
                    reviewerId: string;
                }[];
                totalAmount: components["schemas"]["Money"];
                vcReviews: number;
                willing: number;
            };
            forecast: {
                assumptions: string[];
                expectedInvestment: components["schemas"]["Money"];
                /** @enum {string} */
                outlook: "favourable" | "moderate" | "cautious";
                realisationRate: number;
            };
            overallScore: number | null;
            recommendation: components["schemas"]["Recommendation"];
            riskPoints: {
                category: string;
                /** @description the highest severity any source gave */
                severity: components["schemas"]["Severity"];
                sources: {
                    description: string;
                    /** Format: uuid */
                    reviewerId: string;
                    severity: components["schemas"]["Severity"];
                    track: components["schemas"]["Track"];
                }[];
            }[];
            rules: {
                description: string;
                fired: boolean;
                id: string;
            }[];
            trackScores: {
                academic: {
                    recommendations: {
                        conditional: number;
                        go: number;
                        no_go: number;
                    };
                    reviews: number;
                    score: number | null;
                    /** @enum {string} */
                    status: "complete" | "quorum_failed";
                    weight: number;
                };
                expert: {
                    recommendations: {
                        conditional: number;
                        go: number;
                        no_go: number;
                    };
                    reviews: number;
                    score: number | null;
                    /** @enum {string} */
                    status: "complete" | "quorum_failed";
                    weight: number;
                };
                vc: {
                    recommendations: {
                        conditional: number;
                        go: number;
                        no_go: number;
                    };
                    reviews: number;
                    score: number | null;
                    /** @enum {string} */
                    status: "complete" | "quorum_failed";
                    weight: number;
                };
            };
            /** @constant */
            version: 1;
        };
        TaskDetail: {
            assignee: components["schemas"]["PersonRef"];
            closedAt: string | null;
            /**
             * Format: date-time
             * @description ISO-8601 date-time in UTC
             */
            createdAt: string;
            /** @description the assignee's saved draft (null when none) while the task is open; never present for anyone else */
            draft?: components["schemas"]["ReviewDraft"] | null;
            /**
             * Format: date-time
             * @description ISO-8601 date-time in UTC
             */
            dueAt: string;
            /** Format: uuid */
            id: string;
            project?: {
                company: string;
                /** Format: uuid */
                id: string;
                name: string;
                sector: components["schemas"]["Sector"];
                summary: string;
                totalInvestment: components["schemas"]["Money"];
            };
            /** Format: uuid */
            projectId: string;
            review: components["schemas"]["Review"] | null;
            /** @description the track's review round the task was assigned in */
            round: number;
            rubric: components["schemas"]["Rubric"];
            status: components["schemas"]["TaskStatus"];
            track: components["schemas"]["Track"];
        };
        TaskList: {
            items: components["schemas"]["TaskSummary"][];
        };
        /** @enum {string} */
        TaskStatus: "open" | "submitted" | "declined" | "expired" | "cancelled";
        TaskSummary: {
            assignee: components["schemas"]["PersonRef"];
            closedAt: string | null;
            /**
             * Format: date-time
             * @description ISO-8601 date-time in UTC
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description ISO-8601 date-time in UTC
             */
            dueAt: string;
            /** Format: uuid */
            id: string;
            /** @description omitted once the assignee declined the task for a conflict of interest */
            project?: {
                company: string;
                /** Format: uuid */
                id: string;
                name: string;
                sector: components["schemas"]["Sector"];
            };
            /** Format: uuid */
            projectId: string;
            /** @description the track's review round the task was assigned in */
            round: number;
            status: components["schemas"]["TaskStatus"];
            track: components["schemas"]["Track"];
        };
        Timeline: {
            items: components["schemas"]["TimelineEvent"][];
        };
        TimelineEvent: {
            /** @description id null: dueflow itself (name `dueflow`), or withheld from the caller (name null) */
            actor: {
                id: string | null;
                name: string | null;
            };
            /**
             * Format: date-time
             * @description ISO-8601 date-time in UTC
             */
            at: string;
            /** @description managers and admins: as recorded; the officer and reviewers: only the fields their part may see (see docs/api-extensions.md) */
            data: {
                [key: string]: unknown;
            };
            /** @description this event's link in the project's audit hash chain (over the event as recorded) */
            hash: string;
            /** @description information_provided, for the officer, managers and admins: the questions and answers (kept out of `data`, which the hash covers as recorded) */
            information?: {
                answers: string[];
                questions: string[];
                round: number;
            };
            seq: number;
            /** @description submitted, reviewers_assigned, decision_recorded, ... (docs/api-extensions.md) */
            type: string;
        };
        TimelineVerification: {
            events: number;
            firstBrokenLink: {
                expected: string;
                found: string;
                /** @description 1-based place in append order */
                position: number;
                /** @enum {string} */
                reason: "content-altered" | "link-broken" | "head-mismatch";
                /** @description null for a head mismatch */
                seq: number | null;
            } | null;
            /** @description the hash the stored events chain up to */
            head: string;
            /** Format: uuid */
            projectId: string;
            valid: boolean;
        };
        /** @enum {string} */
        Track: "expert" | "vc" | "academic";
        TrackPanel: {
            /** @description managers and admins: the rounds before the current one, oldest first */
            earlierRounds?: {
                reviews: components["schemas"]["Review"][];
                round: number;
                /** @enum {string} */
                status: "pending" | "in_review" | "complete" | "short_of_quorum";
                submitted: number;
                tasks: {
                    /** @description omitted for the project's officer: reviewers are anonymous to the submitter */
                    assignee?: components["schemas"]["PersonRef"];
                    attempt: number;
                    closedAt: string | null;
                    /**
                     * Format: date-time
                     * @description ISO-8601 date-time in UTC
                     */
                    dueAt: string;
                    /** Format: uuid */
                    id: string;
                    /** @description the track's review round the task was assigned in */
                    round: number;
                    slot: number;
                    status: components["schemas"]["TaskStatus"];
                }[];
            }[];
            required: number;
            /** @description of the current round (a reviewer: their own, of any round) */
            reviews: components["schemas"]["Review"][];
            /** @description the current review round: 0 first, +1 each time a manager re-opens the track */
            round: number;
            /**
             * @description of the current round
             * @enum {string}
             */
            status: "pending" | "in_review" | "complete" | "short_of_quorum";
            /** @description reviews submitted in the current round */
            submitted: number;
            /** @description of the current round (a reviewer: their own, of any round) */
            tasks: {
                /** @description omitted for the project's officer: reviewers are anonymous to the submitter */
                assignee?: components["schemas"]["PersonRef"];
                attempt: number;
                closedAt: string | null;
                /**
                 * Format: date-time
                 * @description ISO-8601 date-time in UTC
                 */
                dueAt: string;
                /** Format: uuid */
                id: string;
                /** @description the track's review round the task was assigned in */
                round: number;
                slot: number;
                status: components["schemas"]["TaskStatus"];
            }[];
        };
        UpdateMeRequest: {
            /** @enum {string} */
            locale?: "zh-CN" | "en";
            name?: string;
        };
        UpdateUserRequest: {
            name?: string;
            reviewer?: components["schemas"]["ReviewerProfileInput"];
            roles?: ("officer" | "reviewer" | "manager" | "admin")[];
        };
        User: {
            /** @description false once deactivated: no sign-in, no token accepted, no new review tasks */
            active: boolean;
            /**
             * Format: date-time
             * @description ISO-8601 date-time in UTC
             */
            createdAt: string;
            deactivatedAt: string | null;
            email: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            locale: "zh-CN" | "en";
            name: string;
            /** @description reviewers only */
            reviewer?: {
                affiliation: string | null;
                maxOpenTasks: number;
                sectors: components["schemas"]["Sector"][];
                tracks: components["schemas"]["Track"][];
            };
            roles: components["schemas"]["Role"][];
        };
        UserList: {
            items: components["schemas"]["User"][];
        };
        UserWithOpenTasks: {
            /** @description false once deactivated: no sign-in, no token accepted, no new review tasks */
            active: boolean;
            /**
             * Format: date-time
             * @description ISO-8601 date-time in UTC
             */
            createdAt: string;
            deactivatedAt: string | null;
            email: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            locale: "zh-CN" | "en";
            name: string;
            /** @description review tasks still open on the user (their process could not take the decline yet): repeat the call to reassign them */
            openTasks: number;
            /** @description reviewers only */
            reviewer?: {
                affiliation: string | null;
                maxOpenTasks: number;
                sectors: components["schemas"]["Sector"][];
                tracks: components["schemas"]["Track"][];
            };
            roles: components["schemas"]["Role"][];
        };
        WithdrawRequestBody: {
            reason: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description Sign in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Malformed JSON, or invalid body fields (every one listed in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Wrong email or password, or a deactivated account. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many failed sign-ins: 5 for this account, or 50 from this address, within 15 minutes. `Retry-After` says when to try again. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Sign out of the browser session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoggedOut"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AuthController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordRequest"];
            };
        };
        responses: {
            /** @description Change the caller's password */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordChanged"];
                };
            };
            /** @description The current password is wrong (`currentPassword`), or the new one is shorter than 10 characters. Malformed JSON, or invalid body fields (every one listed in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Signed in by the session cookie alone, without the header `X-Requested-With: dueflow`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Too many failed sign-ins: 5 for this account, or 50 from this address, within 15 minutes. `Retry-After` says when to try again. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Liveness */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Liveness"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Readiness */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description PostgreSQL or Temporal does not answer. */
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
    MeController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MeController_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMeRequest"];
            };
        };
        responses: {
            /** @description Change the caller's name or console language */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Neither `name` nor `locale` given. Malformed JSON, or invalid body fields (every one listed in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Signed in by the session cookie alone, without the header `X-Requested-With: dueflow`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    MetricsController_scrape: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus metrics */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": components["schemas"]["PrometheusText"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    NotificationsController_list: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                unread?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's notifications */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxPage"];
                };
            };
            /** @description An invalid query parameter (every one listed in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    NotificationsController_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Mark one of the caller's notifications read */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxNotification"];
                };
            };
            /** @description `id` is not a UUID. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Signed in by the session cookie alone, without the header `X-Requested-With: dueflow`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such notification in the caller's inbox (another person's is not found either). No such object, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    PolicyController_current: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Get the policy in force */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyVersion"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    PolicyController_replace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PolicyReplacement"];
            };
        };
        responses: {
            /** @description Replace the policy */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyVersion"];
                };
            };
            /** @description Malformed JSON, or invalid body fields (every one listed in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Signed in by the session cookie alone, without the header `X-Requested-With: dueflow`. The caller has none of the roles: admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Someone else changed the policy since `version`: read it again and redo the edit. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
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
                cursor?: string;
                limit?: number;
                sector?: "high_end_equipment" | "new_energy_materials" | "digital_economy" | "medical_devices" | "integrated_circuits" | "artificial_intelligence" | "robotics" | "connected_vehicles" | "other";
                status?: "screening" | "in_review" | "synthesis" | "awaiting_decision" | "information_requested" | "awaiting_second_approval" | "approved" | "signed" | "rejected" | "withdrawn" | "lapsed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List projects */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectPage"];
                };
            };
            /** @description An invalid query parameter (every one listed in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The caller has none of the roles: officer, manager, admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProjectsController_submit: {
        parameters: {
            query?: never;
            header?: {
                /** @description A retry with the same key and body returns the same project. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProjectRequest"];
            };
        };
        responses: {
            /** @description A retry with the same Idempotency-Key and body: the same project. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectSummary"];
                };
            };
            /** @description The new project, in screening. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectSummary"];
                };
            };
            /** @description The Idempotency-Key header is malformed. Malformed JSON, or invalid body fields (every one listed in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Signed in by the session cookie alone, without the header `X-Requested-With: dueflow`. The caller has none of the roles: officer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The Idempotency-Key was used before with a different body. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The process engine (Temporal) or the database is unreachable, overloaded, or briefly unable to take the action (after a worker crash, until a worker has taken the project up again), or the process did not answer within `UPDATE_TIMEOUT_MS` (15 s by default; the action may still take effect). Retry after `Retry-After` seconds: an action that did take effect is not applied twice. */
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
    ProjectsController_detail: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the representation you hold: 304 while it is current. */
                "If-None-Match"?: string;
                /** @description `wait=N`: with If-None-Match, hold the request up to N seconds (at most 60) for the next change. */
                Prefer?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Get a project */
            200: {
                headers: {
                    /** @description The representation's entity tag, for If-None-Match. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectDetail"];
                };
            };
            /** @description The project has not changed from the If-None-Match tag (within the wait asked for). */
            304: {
                headers: {
                    /** @description The representation's entity tag, for If-None-Match. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `id` is not a UUID. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such object, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProjectsController_decide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionRequestBody"];
            };
        };
        responses: {
            /** @description Decide on a project */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusAnswer"];
                };
            };
            /** @description `questions` missing for request_info. Malformed JSON, or invalid body fields (every one listed in details). `id` is not a UUID. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Signed in by the session cookie alone, without the header `X-Requested-With: dueflow`. The caller has none of the roles: manager. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such object, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The project is not awaiting a decision (or another decision won a race). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Refused by a business rule, e.g. the second go of a dual approval from the same manager. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The process engine (Temporal) or the database is unreachable, overloaded, or briefly unable to take the action (after a worker crash, until a worker has taken the project up again), or the process did not answer within `UPDATE_TIMEOUT_MS` (15 s by default; the action may still take effect). Retry after `Retry-After` seconds: an action that did take effect is not applied twice. */
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
    ProjectsController_provideInformation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InformationRequestBody"];
            };
        };
        responses: {
            /** @description Answer the managers' questions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusAnswer"];
                };
            };
            /** @description Malformed JSON, or invalid body fields (every one listed in details). `id` is not a UUID. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Only the officer who submitted the project answers. Signed in by the session cookie alone, without the header `X-Requested-With: dueflow`. The caller has none of the roles: officer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such object, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No information was requested. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The process engine (Temporal) or the database is unreachable, overloaded, or briefly unable to take the action (after a worker crash, until a worker has taken the project up again), or the process did not answer within `UPDATE_TIMEOUT_MS` (15 s by default; the action may still take effect). Retry after `Retry-After` seconds: an action that did take effect is not applied twice. */
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
    ProjectsController_report: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Get the synthesis report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectReport"];
                };
            };
            /** @description `id` is not a UUID. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The caller has none of the roles: officer, manager, admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such object, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The synthesis report is not ready yet. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProjectsController_resume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResumeRequestBody"];
            };
        };
        responses: {
            /** @description Resume a project's failed step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusAnswer"];
                };
            };
            /** @description `reason` (what was fixed) is missing. Malformed JSON, or invalid body fields (every one listed in details). `id` is not a UUID. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Signed in by the session cookie alone, without the header `X-Requested-With: dueflow`. The caller has none of the roles: admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such object, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No step of the project is waiting to be resumed. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The process engine (Temporal) or the database is unreachable, overloaded, or briefly unable to take the action (after a worker crash, until a worker has taken the project up again), or the process did not answer within `UPDATE_TIMEOUT_MS` (15 s by default; the action may still take effect). Retry after `Retry-After` seconds: an action that did take effect is not applied twice. */
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
    ProjectsController_sign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SigningRequestBody"];
            };
        };
        responses: {
            /** @description Record the signed agreement */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusAnswer"];
                };
            };
            /** @description Malformed JSON, or invalid body fields (every one listed in details). `id` is not a UUID. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Signed in by the session cookie alone, without the header `X-Requested-With: dueflow`. The caller has none of the roles: officer, manager. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such object, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The project is not approved. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The process engine (Temporal) or the database is unreachable, overloaded, or briefly unable to take the action (after a worker crash, until a worker has taken the project up again), or the process did not answer within `UPDATE_TIMEOUT_MS` (15 s by default; the action may still take effect). Retry after `Retry-After` seconds: an action that did take effect is not applied twice. */
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
    ProjectsController_timeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Get the project's timeline */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Timeline"];
                };
            };
            /** @description `id` is not a UUID. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The caller has none of the roles: officer, reviewer, manager, admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such object, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProjectsController_verifyTimeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Verify the timeline's audit chain */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimelineVerification"];
                };
            };
            /** @description `id` is not a UUID. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The caller has none of the roles: officer, manager, admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such object, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProjectsController_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WithdrawRequestBody"];
            };
        };
        responses: {
            /** @description Withdraw a project */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusAnswer"];
                };
            };
            /** @description Malformed JSON, or invalid body fields (every one listed in details). `id` is not a UUID. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Signed in by the session cookie alone, without the header `X-Requested-With: dueflow`. The caller has none of the roles: officer, manager. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such object, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The project is already decided or closed. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The process engine (Temporal) or the database is unreachable, overloaded, or briefly unable to take the action (after a worker crash, until a worker has taken the project up again), or the process did not answer within `UPDATE_TIMEOUT_MS` (15 s by default; the action may still take effect). Retry after `Retry-After` seconds: an action that did take effect is not applied twice. */
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
    StatsController_portfolio: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Portfolio figures */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortfolioStats"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The caller has none of the roles: manager, admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    TasksController_list: {
        parameters: {
            query?: {
                projectId?: string;
                status?: "open" | "submitted" | "declined" | "expired" | "cancelled";
                track?: "expert" | "vc" | "academic";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List review tasks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskList"];
                };
            };
            /** @description An invalid query parameter (every one listed in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The caller has none of the roles: reviewer, manager, admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    TasksController_detail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Get a review task */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskDetail"];
                };
            };
            /** @description `id` is not a UUID. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The caller has none of the roles: reviewer, manager, admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such object, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    TasksController_decline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeclineRequestBody"];
            };
        };
        responses: {
            /** @description Decline a review task */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusAnswer"];
                };
            };
            /** @description Malformed JSON, or invalid body fields (every one listed in details). `id` is not a UUID. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Signed in by the session cookie alone, without the header `X-Requested-With: dueflow`. The caller has none of the roles: reviewer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such object, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The task is not open, or is still being assigned (retry in a few seconds). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The process engine (Temporal) or the database is unreachable, overloaded, or briefly unable to take the action (after a worker crash, until a worker has taken the project up again), or the process did not answer within `UPDATE_TIMEOUT_MS` (15 s by default; the action may still take effect). Retry after `Retry-After` seconds: an action that did take effect is not applied twice. */
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
    TasksController_saveDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewDraftRequestBody"];
            };
        };
        responses: {
            /** @description Save a review draft */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewDraft"];
                };
            };
            /** @description A score names a criterion the task's rubric does not have. Malformed JSON, or invalid body fields (every one listed in details). `id` is not a UUID. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Signed in by the session cookie alone, without the header `X-Requested-With: dueflow`. The caller has none of the roles: reviewer, manager, admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Not the caller's task. No such object, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The task is not open. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    TasksController_submitReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewRequestBody"];
            };
        };
        responses: {
            /** @description Submit a review */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusAnswer"];
                };
            };
            /** @description A criterion is missing, unknown or out of range. Malformed JSON, or invalid body fields (every one listed in details). `id` is not a UUID. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Signed in by the session cookie alone, without the header `X-Requested-With: dueflow`. The caller has none of the roles: reviewer. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such object, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The task is not open, or is still being assigned (retry in a few seconds). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The process engine (Temporal) or the database is unreachable, overloaded, or briefly unable to take the action (after a worker crash, until a worker has taken the project up again), or the process did not answer within `UPDATE_TIMEOUT_MS` (15 s by default; the action may still take effect). Retry after `Retry-After` seconds: an action that did take effect is not applied twice. */
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
                role?: "officer" | "reviewer" | "manager" | "admin";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List users */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserList"];
                };
            };
            /** @description An invalid query parameter (every one listed in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The caller has none of the roles: admin, manager. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
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
                "application/json": components["schemas"]["CreateUserRequest"];
            };
        };
        responses: {
            /** @description The new user. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description A reviewer profile without the reviewer role, or the reviewer role without one. Malformed JSON, or invalid body fields (every one listed in details). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Signed in by the session cookie alone, without the header `X-Requested-With: dueflow`. The caller has none of the roles: admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The email is taken. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
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
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserRequest"];
            };
        };
        responses: {
            /** @description Change a user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserWithOpenTasks"];
                };
            };
            /** @description Nothing to change; a reviewer profile without the reviewer role, or the reviewer role without one. Malformed JSON, or invalid body fields (every one listed in details). `id` is not a UUID. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An administrator taking away their own admin role. Signed in by the session cookie alone, without the header `X-Requested-With: dueflow`. The caller has none of the roles: admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such object, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Temporal is unreachable while declining the tasks of a former reviewer: repeat the call. */
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
    UsersController_listConflicts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List a reviewer's declared conflicts of interest */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictList"];
                };
            };
            /** @description `id` is not a UUID. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The caller has none of the roles: reviewer, admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such object, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UsersController_declareConflict: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConflictRequest"];
            };
        };
        responses: {
            /** @description The stored conflict. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conflict"];
                };
            };
            /** @description Malformed JSON, or invalid body fields (every one listed in details). `id` is not a UUID. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Signed in by the session cookie alone, without the header `X-Requested-With: dueflow`. The caller has none of the roles: reviewer, admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such object, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UsersController_removeConflict: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conflictId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Withdraw a declared conflict of interest */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conflict"];
                };
            };
            /** @description `conflictId` is not a UUID. `id` is not a UUID. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Signed in by the session cookie alone, without the header `X-Requested-With: dueflow`. The caller has none of the roles: reviewer, admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such object, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UsersController_deactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountStatusRequest"];
            };
        };
        responses: {
            /** @description Deactivate a user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserWithOpenTasks"];
                };
            };
            /** @description Malformed JSON, or invalid body fields (every one listed in details). `id` is not a UUID. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An administrator deactivating their own account. Signed in by the session cookie alone, without the header `X-Requested-With: dueflow`. The caller has none of the roles: admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such object, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Temporal is unreachable while declining the user's tasks: repeat the call. */
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
    UsersController_reactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountStatusRequest"];
            };
        };
        responses: {
            /** @description Reactivate a user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Malformed JSON, or invalid body fields (every one listed in details). `id` is not a UUID. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No bearer token or session cookie, or an invalid or expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description Signed in by the session cookie alone, without the header `X-Requested-With: dueflow`. The caller has none of the roles: admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description No such object, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is larger than BODY_LIMIT_BYTES. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description An unexpected failure (logged); quote the requestId when reporting it. */
            500: {
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
