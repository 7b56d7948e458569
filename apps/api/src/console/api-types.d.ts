// Generated from the API’s OpenAPI document by `npm run api-types` (openapi-typescript). Do not edit.
// The console’s URLs are checked against it (core.js: apiUrl), so a query or path the API does not take fails `npm run typecheck`.

export interface paths {
    "/.well-known/gs1resolver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Resolver description (GS1 resolver conformance) */
        get: operations["ResolverController_description"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/01/{path}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Resolve a GS1 Digital Link (/01/{gtin}[/10/{lot}][/21/{serial}]) or short URL (/l/{shortCode}[/{serial}])
         * @description Content negotiation: text/html (default, ?lang=vi|en or Accept-Language), application/ld+json (schema.org), application/linkset+json or ?linkType=linkset (RFC 9264); ?linkType=gs1:pip|traceability|certificationInfo|recallStatus|epcis|defaultLink → 307.
         */
        get: operations["ResolverController_resolve[0]"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin-units/provinces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The 34 provinces and centrally-run cities with their official codes */
        get: operations["AdminUnitsController_provinces"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin-units/provinces/{code}/communes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A province’s communes, wards and special zones with their official codes (searchable) */
        get: operations["AdminUnitsController_communes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AccountController_apiKeys"];
        put?: never;
        post: operations["AccountController_createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a key: refused by every API process from the answer on */
        delete: operations["AccountController_revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Recompute the organization’s event hash chain and report the first broken event
         * @description A chain of up to 50000 events answers 200 at once; a longer one answers 202 with a verification job (Location: /api/v1/audit/verify-jobs/{id}) run by the worker.
         */
        get: operations["AuditController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify-jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify the hash chain in the worker, whatever its length: poll the job (Location) for its progress and result */
        post: operations["AuditController_queueVerify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify-jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A chain verification job: its state, progress and, when done, the verification */
        get: operations["AuditController_verifyJobState"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/forgot-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail a one-time password-reset link to the email if it has an account (needs SMTP_URL); the answer is the same either way */
        post: operations["AuthController_forgotPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in; repeated failures lock the email for a while (429 LOGIN_LOCKED with Retry-After) */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this session: its token is refused by every API process from the answer on */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with a one-time link’s token; every session of the user ends */
        post: operations["AuthController_resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign up an organization with its owner (programme offices are created by a platform operator: 403 ORGANIZATION_KIND_NOT_ALLOWED) */
        post: operations["AuthController_signup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/certifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List certifications (paged; filter by kind, scope, validity today) */
        get: operations["CertificationsController_list"];
        put?: never;
        /** Record a certification (OCOP stars, VietGAP, GlobalGAP, organic, HACCP…) for a product, growing area, facility or the organization */
        post: operations["CertificationsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/certifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CertificationsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a certification; defaults (OCOP expiry, issuing level) follow the dates and stars they came from */
        patch: operations["CertificationsController_update"];
        trace?: never;
    };
    "/api/v1/crop-yield-limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Maximum plausible yield per crop (t/ha per season): defaults and your organization’s own */
        get: operations["CropYieldLimitsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/crop-yield-limits/{crop}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set your organization’s maximum yield for a crop (admins); also adds a crop of your own */
        put: operations["CropYieldLimitsController_set"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/epcis/capture": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization’s capture jobs, newest first */
        get: operations["EpcisCaptureController_list"];
        put?: never;
        /**
         * Capture an EPCISDocument (JSON-LD): queued as a capture job whose URL is in Location
         * @description Body: an EPCIS 2.0 EPCISDocument (application/json or application/ld+json), checked against GS1’s EPCIS JSON Schema (400 EPCIS_DOCUMENT_INVALID). At most 10000 events and 16777216 bytes (413 EPCIS_CAPTURE_TOO_MANY_EVENTS, EPCIS_CAPTURE_TOO_LARGE). GS1-Capture-Error-Behaviour: rollback (default: nothing is recorded if one event is refused) or proceed (refused events are listed, the others recorded).
         */
        post: operations["EpcisCaptureController_capture"];
        delete?: never;
        /** The capture limits, in GS1-EPCIS-Capture-Limit and GS1-EPCIS-Capture-File-Size-Limit */
        options: operations["EpcisCaptureController_options"];
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/epcis/capture/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A capture job: its state, counts and the reason of every refused event */
        get: operations["EpcisCaptureController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/epcis/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** EPCISQueryDocument of events; the next page is in the Link rel="next" header */
        get: operations["EpcisController_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EventsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{id}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Correct a mistake: a void event that cancels this one (which stays in history) */
        post: operations["EventsController_voidEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/facilities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List facilities (paged, searchable, sortable) */
        get: operations["FacilitiesController_list"];
        put?: never;
        /** Register a processing plant, packing house or warehouse */
        post: operations["FacilitiesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/facilities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["FacilitiesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a facility; null clears an optional field */
        patch: operations["FacilitiesController_update"];
        trace?: never;
    };
    "/api/v1/growing-areas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List growing areas (paged, searchable by name, code, commune, province; filter by status, crop) */
        get: operations["GrowingAreasController_list"];
        put?: never;
        /** Register a growing area (mã số vùng trồng) as draft or active */
        post: operations["GrowingAreasController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/growing-areas/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A growing area with its owners, status history and earliest allowed harvest date */
        get: operations["GrowingAreasController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a growing area (not its status: use POST /{id}/status); null clears an optional field */
        patch: operations["GrowingAreasController_update"];
        trace?: never;
    };
    "/api/v1/growing-areas/{id}/harvest-window": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Earliest allowed harvest date (pre-harvest intervals), whether harvesting is allowed today, and the yield ceiling */
        get: operations["GrowingAreasController_harvestWindow"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/growing-areas/{id}/inputs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The input log (fertiliser, pesticide…), voided entries included and marked */
        get: operations["GrowingAreasController_listInputs"];
        put?: never;
        /** Record an input application (append-only) */
        post: operations["GrowingAreasController_createInput"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/growing-areas/{id}/inputs/{inputId}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Void an input application with a reason (it stays in the log and no longer restricts harvests) */
        post: operations["GrowingAreasController_voidInput"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/growing-areas/{id}/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The growing area’s evidence photos (staff only) */
        get: operations["EvidencePhotosController_areaPhotos"];
        put?: never;
        /**
         * Add an evidence photo of the growing area
         * @description PHOTO_TOO_LARGE, PHOTO_TYPE_UNSUPPORTED, PHOTO_UNREADABLE (details.field "photo"), PHOTO_LIMIT_REACHED (20 each). Stored re-encoded to WebP (≤ 1280 px, ≤ 200 KB) without EXIF, GPS or any other metadata; staff only, never on a public page.
         */
        post: operations["EvidencePhotosController_addAreaPhoto"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/growing-areas/{id}/photos/{photoId}/image": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An evidence photo of the growing area (WebP) */
        get: operations["EvidencePhotosController_areaPhotoImage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/growing-areas/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the status with a reason: draft → active ⇄ suspended, any → revoked (final); kept in the history */
        post: operations["GrowingAreasController_changeStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/growing-areas/{id}/status-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every status change: from, to, reason, who and when (oldest first) */
        get: operations["GrowingAreasController_statusHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An import: the dry run’s counts and row errors, the commit’s state and progress */
        get: operations["ImportsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}/annotated.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The uploaded rows with an error column naming each problem; fix them there and upload the file again */
        get: operations["ImportsController_annotated"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}/commit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import the rows: queued as a worker job; poll the import for its progress */
        post: operations["ImportsController_commit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a spreadsheet (XLSX or CSV, the file’s bytes as the body) and dry-run it: every row is checked, nothing is imported yet
         * @description Send the file as the request body with its content type (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, text/csv, text/tab-separated-values, application/octet-stream). The same file uploaded again answers the import it made (alreadyUploaded: true). Whole-file refusals (400): IMPORT_FILE_TOO_LARGE, IMPORT_FILE_TYPE (not XLSX/CSV, or an old .xls), IMPORT_FILE_ENCRYPTED (password-protected), IMPORT_FILE_CORRUPT, IMPORT_FILE_EMPTY, IMPORT_TOO_MANY_ROWS, IMPORT_HEADER_NOT_FOUND, IMPORT_COLUMNS_MISSING: details.field is "file"; nothing is written.
         */
        post: operations["ImportsController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/kinds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What can be imported: each kind with its columns (Vietnamese and English headers, required, allowed values) */
        get: operations["ImportsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/templates/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The XLSX template of a kind: headers (required ones marked *), hints, example rows and allowed values */
        get: operations["ImportsController_template"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/label-jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["LabelJobsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/label-jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["LabelJobsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/label-jobs/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["LabelJobsController_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/label-jobs/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["LabelJobsController_preview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/label-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["LabelJobsController_templates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["LotsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lots/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["LotsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lots/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The lot’s history: every event with a line on it (voided ones marked), in chain order */
        get: operations["LotsController_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lots/{id}/inspect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a lab or QC result with its document reference */
        post: operations["LotsController_inspect"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lots/{id}/label-jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["LabelJobsController_listForLot"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lots/{id}/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The lot’s evidence photos: the harvest (staff only) */
        get: operations["EvidencePhotosController_lotPhotos"];
        put?: never;
        /**
         * Add an evidence photo of the lot (the harvest: bags, scale, field tag)
         * @description PHOTO_TOO_LARGE, PHOTO_TYPE_UNSUPPORTED, PHOTO_UNREADABLE (details.field "photo"), PHOTO_LIMIT_REACHED (20 each). Stored re-encoded to WebP (≤ 1280 px, ≤ 200 KB) without EXIF, GPS or any other metadata; staff only, never on a public page.
         */
        post: operations["EvidencePhotosController_addLotPhoto"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lots/{id}/photos/{photoId}/image": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An evidence photo of the lot (WebP) */
        get: operations["EvidencePhotosController_lotPhotoImage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lots/{id}/scans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Scans of a lot: total, by client class, by day (last `days`), top `top` serials with copied-label warnings */
        get: operations["LotScansController_scans"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lots/{id}/ship": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ship a quantity of a lot to a partner */
        post: operations["LotsController_ship"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lots/{id}/split": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Split a lot into parts that keep its lineage */
        post: operations["LotsController_split"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lots/{id}/trace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Genealogy: back to growing areas, households and inputs, or forward to every lot and partner */
        get: operations["LotsController_trace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lots/{id}/trace.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** FSMA 204 sortable spreadsheet (CSV) of the lot’s trace, back and forward */
        get: operations["LotsController_traceCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lots/{id}/trace.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** FSMA 204 sortable spreadsheet (XLSX) of the lot’s trace, back and forward */
        get: operations["LotsController_traceXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lots/harvest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log a harvest from a growing area: a new harvest lot */
        post: operations["LotsController_harvest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lots/transform": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Processing, merging or packing: input lots (quantities used) → new output lots */
        post: operations["LotsController_transform"];
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
        get: operations["AccountController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your own password (the current one is required); every session of yours ends, this one too */
        post: operations["AccountController_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organization": {
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
        /** Change the organization’s address, phone, GLN and GS1 company prefix (admins) */
        patch: operations["OrganizationController_update"];
        trace?: never;
    };
    "/api/v1/organization-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your organization’s links, either side; pending first */
        get: operations["OrganizationLinksController_list"];
        put?: never;
        /** Invite or ask another organization for a link (pending until it accepts) */
        post: operations["OrganizationLinksController_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organization-links/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["OrganizationLinksController_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organization-links/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["OrganizationLinksController_decline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organization-links/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a pending or active link, from either side; it takes effect with the next request */
        post: operations["OrganizationLinksController_end"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organization-links/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who you may ask for oversight: for a confirmed office, the organizations of its province; for others, their province’s confirmed offices */
        get: operations["OrganizationLinksController_candidates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organization/public-profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization’s public profile (showcase): story, public contacts, links, visit info, photos, product photos */
        get: operations["PublicProfileController_get"];
        /** Change the public profile (admins); `listed: true` shows the organization in its province’s OCOP catalogue */
        put: operations["PublicProfileController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organization/public-profile/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a photo of the organization (6 at most)
         * @description PHOTO_TOO_LARGE, PHOTO_TYPE_UNSUPPORTED, PHOTO_UNREADABLE (details.field "photo"); it is stored re-encoded to WebP (≤ 30 KB, 640 px) without EXIF/GPS.
         */
        post: operations["PublicProfileController_addPhoto"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organization/public-profile/photos/{photoKey}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a photo of the organization */
        delete: operations["PublicProfileController_removePhoto"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organization/public-profile/posters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make a QR poster (PDF, A4 or A5) that opens the producer page, for the stall or the homestay; rendered by the worker
         * @description SHOWCASE_NOT_LISTED (422) until the organization appears in its province’s catalogue. The same content asked again answers the same poster.
         */
        post: operations["PublicProfileController_createPoster"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organization/public-profile/posters/{posterId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A QR poster: queued, done or failed */
        get: operations["PublicProfileController_poster"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organization/public-profile/posters/{posterId}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a QR poster once done */
        get: operations["PublicProfileController_posterPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AccountController_organizations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List partners (paged, searchable, sortable) */
        get: operations["PartnersController_list"];
        put?: never;
        /** Register a partner: member household, collector, processor, packer, distributor, retailer, transporter or lab */
        post: operations["PartnersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partners/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PartnersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a partner; null clears an optional field */
        patch: operations["PartnersController_update"];
        trace?: never;
    };
    "/api/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List products (paged, searchable, sortable) */
        get: operations["ProductsController_list"];
        put?: never;
        /** Register a product (GTIN optional, unique across the platform) */
        post: operations["ProductsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ProductsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a product; null clears an optional field */
        patch: operations["ProductsController_update"];
        trace?: never;
    };
    "/api/v1/products/{id}/photo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The product’s photo (shown on its public pages) */
        get: operations["PublicProfileController_productPhoto"];
        /**
         * Set the product’s photo (from the phone’s camera or a file)
         * @description PHOTO_TOO_LARGE, PHOTO_TYPE_UNSUPPORTED, PHOTO_UNREADABLE (details.field "photo"); it is stored re-encoded to WebP (≤ 30 KB, 640 px) without EXIF/GPS.
         */
        put: operations["PublicProfileController_setProductPhoto"];
        post?: never;
        /** Remove the product’s photo */
        delete: operations["PublicProfileController_removeProductPhoto"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programme/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The office’s alerts of a day, computed by the worker every morning at 06:00 (Vietnam): certificates expiring within 90 days (critical within 30) or expired, suspended or revoked growing areas with lots still on sale, copied-label signals, recalls not acknowledged by their receivers */
        get: operations["ProgrammeController_alertsOfDay"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programme/certificates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** OCOP product certificates by state as of the period’s end (valid, expiring within 90 or 30 days, expired) */
        get: operations["ProgrammeController_certificates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programme/cooperatives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The overseen cooperatives with their figures (drill-down) */
        get: operations["ProgrammeController_cooperatives"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programme/cooperatives/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One overseen cooperative’s figures (another province’s or an unlinked one answers 404) */
        get: operations["ProgrammeController_cooperative"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programme/cooperatives/{id}/lots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An overseen cooperative’s lots made in the period (read-only drill-down) */
        get: operations["ProgrammeController_lots"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programme/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Traceability coverage per OCOP-certified product, with why a product falls short (no_lots, no_growing_area, no_labels) */
        get: operations["ProgrammeController_coverage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programme/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every figure of the province dashboard for the period and filters */
        get: operations["ProgrammeController_dashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programme/growing-areas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Growing areas of the overseen cooperatives with their GeoJSON geometry and status (the map and its table) */
        get: operations["ProgrammeController_growingAreas"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programme/map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The map of growing areas: a GeoJSON FeatureCollection (points and polygons with status) and the configured tile source (null: draw on a plain background) */
        get: operations["ProgrammeController_map"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programme/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The office’s latest reports, newest first */
        get: operations["ProgrammeReportsController_list"];
        put?: never;
        /** Request the monthly report of a month: 202 with the report, then poll it for progress; any past month can be made again with the same figures */
        post: operations["ProgrammeReportsController_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programme/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ProgrammeReportsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programme/reports/{id}/report.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ProgrammeReportsController_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programme/reports/{id}/report.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ProgrammeReportsController_xlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/recall-jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Recall a lot in the worker, whatever its reach: poll the job (Location) for its progress and answer */
        post: operations["RecallsController_queue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/recall-jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A recall job: its state, the lots marked so far and, when done, the recall’s answer */
        get: operations["RecallsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/recalls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Recall a lot: it and every downstream lot (also in receiving organizations) become recalled
         * @description A lot with up to 2000 lots downstream in this organization is recalled at once (201). Beyond, the recall is a worker job: 202 with the job (Location: /api/v1/recall-jobs/{id}).
         */
        post: operations["RecallsController_recall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/recalls/{recallId}/acknowledgement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Acknowledge a recall that reached this organization’s lots (idempotent; 404 when none did) */
        put: operations["RecallAcknowledgementsController_acknowledge"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/yield-overrides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Harvests accepted above the plausible season yield with a reason (a programme office sees its province) */
        get: operations["AuditController_yieldOverrides"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/shipments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Shipments you sent (outgoing) or that organizations on the platform sent you (incoming) */
        get: operations["ShipmentsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/shipments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ShipmentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/shipments/{id}/receive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an incoming shipment into a lot of your own */
        post: operations["ShipmentsController_receive"];
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
        get: operations["AccountController_listUsers"];
        put?: never;
        post: operations["AccountController_createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a user (not the last owner, not above your role); their sessions end at once */
        delete: operations["AccountController_removeUser"];
        options?: never;
        head?: never;
        /** Change a user’s role or name; a new role ends their sessions */
        patch: operations["AccountController_updateUser"];
        trace?: never;
    };
    "/api/v1/users/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The user can no longer log in; their sessions end at once */
        post: operations["AccountController_deactivateUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A one-time link for the user to set a new password (pass it on to them); nothing changes until it is used */
        post: operations["AccountController_issuePasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AccountController_reactivateUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/l/{path}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Resolve a GS1 Digital Link (/01/{gtin}[/10/{lot}][/21/{serial}]) or short URL (/l/{shortCode}[/{serial}])
         * @description Content negotiation: text/html (default, ?lang=vi|en or Accept-Language), application/ld+json (schema.org), application/linkset+json or ?linkType=linkset (RFC 9264); ?linkType=gs1:pip|traceability|certificationInfo|recallStatus|epcis|defaultLink → 307.
         */
        get: operations["ResolverController_resolve[1]"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ns/epcis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The EPCIS extension terms (nguon:…): HTML, or JSON-LD with Accept: application/ld+json or ?format=jsonld */
        get: operations["EpcisVocabularyController_vocabulary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ocop/{province}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A province’s OCOP catalogue: products with valid stars of its listed cooperatives; search and filters */
        get: operations["ShowcaseController_catalogue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ocop/{province}/map.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The catalogue map’s points (GeoJSON): the listed producers’ active growing areas */
        get: operations["ShowcaseController_map"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ocop/{province}/producers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A producer’s page: story, photos, products, certifications, communes, where to buy, how to visit */
        get: operations["ShowcaseController_producer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ocop/assets/map.js": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The catalogue map’s script (Leaflet is served from /console/vendor/leaflet/) */
        get: operations["ShowcaseController_mapScript"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ocop/assets/share.js": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public pages’ share link script (Web Share API, else the address copied) */
        get: operations["ShowcaseController_shareScript"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ocop/photos/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A photo (WebP, ≤ 30 KB; `-t.webp`: the thumbnail). Keys are content hashes: cached for a year */
        get: operations["ShowcaseController_photo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ocop/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A product’s showcase page: photo, valid OCOP stars, group, producer, recall notice, latest lot */
        get: operations["ShowcaseController_product"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/lots/{shortCode}/epcis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** EPCIS 2.0 document of the public events of a lot and its genealogy (gs1:epcis target) */
        get: operations["ResolverController_epcis"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/lots/{shortCode}/recall-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recall status of a lot (gs1:recallStatus target): {recalled, reason, at} */
        get: operations["ResolverController_recallStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/robots.txt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** robots.txt: everything may be crawled but the API and the console; names the sitemap */
        get: operations["ShowcaseController_robots"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sitemap.xml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sitemap of the showcase: catalogues, producers and products (with their English alternates) */
        get: operations["ShowcaseController_sitemap"];
        put?: never;
        post?: never;
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
        AcceptedDto: {
            /**
             * @description The same answer whether or not the email has an account
             * @enum {string}
             */
            status: "accepted";
        };
        ApiKeyDto: {
            /** Format: date-time */
            createdAt: string;
            id: string;
            /** Format: date-time */
            lastUsedAt?: string | null;
            name: string;
            prefix: string;
            /** Format: date-time */
            revokedAt?: string | null;
            role: string;
        };
        ApiKeyListDto: {
            items: components["schemas"]["ApiKeyDto"][];
            total: number;
        };
        AuditVerifyDto: {
            eventsChecked: number;
            firstBrokenEventId: string | null;
            problem: string | null;
            valid: boolean;
        };
        AuditVerifyJobDto: {
            errorMessage: string | null;
            eventsChecked: number;
            /** @description The chain’s length when the job started */
            eventsTotal: number | null;
            /** Format: uuid */
            id: string;
            progress: number;
            requestedAt: string;
            result: components["schemas"]["AuditVerifyDto"] | null;
            /** @enum {string} */
            status: "queued" | "running" | "done" | "failed";
        };
        BoxDto: {
            heightMm: number;
            widthMm: number;
            xMm: number;
            yMm: number;
        };
        CaptureEventErrorDto: {
            /**
             * @description Reason code (error catalog)
             * @example EPCIS_LOT_UNKNOWN
             */
            code: string;
            eventID: string | null;
            /** @description Index of the event in epcisBody.eventList */
            index: number;
            message: string;
        };
        CaptureJobDto: {
            capturedCount: number;
            /** @enum {string} */
            captureErrorBehaviour: "rollback" | "proceed";
            /** Format: uuid */
            captureID: string;
            /** Format: date-time */
            createdAt: string;
            duplicateCount: number;
            errorCode: string | null;
            errorMessage: string | null;
            errors: components["schemas"]["CaptureEventErrorDto"][];
            eventCount: number;
            /** Format: date-time */
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            processedCount: number;
            progress: number;
            refusedCount: number;
            running: boolean;
            /** @enum {string} */
            status: "queued" | "running" | "done" | "failed";
            /** @description null while running; false when a rollback capture recorded nothing */
            success: boolean | null;
        };
        CaptureJobListDto: {
            items: components["schemas"]["CaptureJobDto"][];
        };
        CertificationDto: {
            /** Format: date-time */
            createdAt: string;
            documentUrl: string | null;
            /** @example 2028-06-20 */
            expiresAt: string | null;
            /** Format: uuid */
            id: string;
            /** @example 2025-06-20 */
            issuedAt: string;
            issuer: string;
            /** @enum {string|null} */
            issuingLevel: "central" | "provincial" | "district" | null;
            /** @enum {string} */
            kind: "ocop" | "vietgap" | "globalgap" | "organic" | "haccp" | "other";
            /** @description OCOP stars */
            level: number | null;
            number: string;
            /** Format: uuid */
            organizationId: string;
            /** Format: uuid */
            scopeId: string;
            /** @enum {string} */
            scopeType: "product" | "growing_area" | "facility" | "organization";
            /** @enum {string} */
            status: "valid" | "expired" | "not_yet_valid";
            /** Format: date-time */
            updatedAt: string;
            /** @description Valid today: issuedAt ≤ today ≤ expiresAt (Vietnam date) */
            valid: boolean;
        };
        CertificationPageDto: {
            items: components["schemas"]["CertificationDto"][];
            /** @description Pass as ?cursor= for the next page; null on the last page */
            nextCursor: string | null;
            /** @description Matching records, all pages together: counted with `?total=true`; without it given only when the whole list fits on the first page, otherwise null */
            total: number | null;
        };
        ChangePasswordDto: {
            currentPassword: string;
            newPassword: string;
        };
        ChangeStatusDto: {
            /**
             * @description When the change took effect, if before today (e.g. the date of the decision that activated the area), so past harvests can be entered; never in the future, never before the previous change. Default: now
             * @example 2026-03-01
             */
            effectiveAt?: string;
            /**
             * @description The paper behind the change (decision number), optional
             * @example 125/QĐ-CCTTBVTV
             */
            evidenceReference?: string;
            /** @example Kiểm tra phát hiện dư lượng thuốc BVTV vượt ngưỡng */
            reason: string;
            /**
             * @description draft → active ⇄ suspended; any → revoked (final)
             * @example suspended
             * @enum {string}
             */
            status: "draft" | "active" | "suspended" | "revoked";
        };
        CommitImportDto: {
            /**
             * @description all_or_nothing: refused (422 IMPORT_HAS_ERRORS) while any row has an error; valid_rows: the rows without errors are imported, the others skipped
             * @default all_or_nothing
             * @example all_or_nothing
             * @enum {string}
             */
            mode: "all_or_nothing" | "valid_rows";
            /**
             * @description Rows naming a record that exists (by its natural key: growing-area code, citizen id, GTIN…) update it; otherwise they are left alone
             * @default false
             * @example false
             */
            updateExisting: boolean;
        };
        CommuneDto: {
            /** @example 03334 */
            code: string;
            /** @example Phường Mường Thanh */
            name: string;
            /** @example 11 */
            provinceCode: string;
        };
        CreateApiKeyDto: {
            /** @example ERP của HTX */
            name: string;
            /** @enum {string} */
            role: "admin" | "recorder" | "viewer";
        };
        CreateCertificationDto: {
            /** @example https://ocop.example.vn/qd-1234.pdf */
            documentUrl?: string | null;
            /**
             * @description OCOP default: 36 months after issue; others: no expiry
             * @example 2028-06-20
             */
            expiresAt?: string | null;
            /**
             * @description Date (a date-time counts by its local date)
             * @example 2025-06-20
             */
            issuedAt: string;
            /** @example UBND tỉnh Điện Biên */
            issuer: string;
            /**
             * @description OCOP default: central for 5★, provincial for 3–4★
             * @enum {string|null}
             */
            issuingLevel?: "central" | "provincial" | "district" | null;
            /**
             * @example ocop
             * @enum {string}
             */
            kind: "ocop" | "vietgap" | "globalgap" | "organic" | "haccp" | "other";
            /**
             * @description OCOP stars, 3 to 5 (required for OCOP; only OCOP has a level)
             * @example 4
             */
            level?: number | null;
            /**
             * @description Certificate or decision number
             * @example 1234/QĐ-UBND
             */
            number: string;
            /**
             * Format: uuid
             * @description The product, growing area or facility of your organization, or your organization id
             */
            scopeId: string;
            /**
             * @example product
             * @enum {string}
             */
            scopeType: "product" | "growing_area" | "facility" | "organization";
        };
        CreatedApiKeyDto: {
            apiKey: components["schemas"]["ApiKeyDto"];
            /** @description The secret key. Shown once: only its hash is stored. */
            key: string;
        };
        CreatedUserDto: {
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description Set while the user is deactivated (cannot log in)
             */
            deactivatedAt?: string | null;
            email: string;
            id: string;
            name?: string | null;
            organizationId: string;
            /** @description Only when no password was given: the link the user opens to set theirs (shown once) */
            passwordSetLink?: string;
            /** Format: date-time */
            passwordSetLinkExpiresAt?: string;
            /** @enum {string} */
            role: "owner" | "admin" | "recorder" | "viewer";
        };
        CreateFacilityDto: {
            /** @example Bản Co Mỵ, xã Thanh Xương, huyện Điện Biên */
            address?: string | null;
            /**
             * @description Official code, e.g. a packing house’s mã số cơ sở đóng gói
             * @example VNDB-PH-0003
             */
            code?: string | null;
            /** @example Chi cục Trồng trọt và Bảo vệ thực vật tỉnh Điện Biên */
            codeIssuer?: string | null;
            /**
             * @description Status of the code; active when a code is given without one
             * @enum {string|null}
             */
            codeStatus?: "active" | "suspended" | "revoked" | null;
            /** @example Thanh Xương */
            commune?: string | null;
            /**
             * @description Official commune code (5 digits, GET /api/v1/admin-units/provinces/{code}/communes); sets `commune` and `province`
             * @example 03334
             */
            communeCode?: string | null;
            /** @description GS1 GLN, 13 digits; the check digit is verified */
            gln?: string | null;
            /**
             * @example packing_house
             * @enum {string}
             */
            kind: "processing_plant" | "packing_house" | "warehouse";
            /**
             * @description GeoJSON Point in WGS 84, [longitude, latitude]
             * @example {
             *       "type": "Point",
             *       "coordinates": [
             *         103.0187,
             *         21.3702
             *       ]
             *     }
             */
            location?: {
                [key: string]: unknown;
            } | null;
            /** @example Nhà sơ chế đóng gói HTX Séng Cù */
            name: string;
            /** @example Điện Biên */
            province?: string | null;
            /**
             * @description Official province code (2 digits, GET /api/v1/admin-units/provinces); sets `province`
             * @example 11
             */
            provinceCode?: string | null;
        };
        CreateGrowingAreaDto: {
            /**
             * @description Hectares, > 0
             * @example 12.5
             */
            areaHa: string | number;
            /**
             * @description Official code (mã số vùng trồng), opaque; unique per issuer across the platform
             * @example VN-DBIH-0012
             */
            code: string;
            /** @example Thanh Xương */
            commune?: string | null;
            /**
             * @description Official commune code (5 digits, GET /api/v1/admin-units/provinces/{code}/communes); sets `commune` and `province`
             * @example 03334
             */
            communeCode?: string | null;
            /**
             * @description Crop key: rice (Lúa tẻ), sticky_rice (Lúa nếp), tea (Chè (búp tươi)), coffee (Cà phê (quả tươi)), pomelo (Bưởi), docynia (Táo mèo), cardamom (Thảo quả (quả tươi)), macadamia (Mắc ca), honey (Mật ong), fruit (Cây ăn quả khác); or your own key once it has a limit (PUT /api/v1/crop-yield-limits/{crop})
             * @example sticky_rice
             */
            crop: string;
            /**
             * @description Expected harvest per season, tonnes
             * @example 75
             */
            expectedYieldT?: (string | number) | null;
            /**
             * @description Date the code was issued
             * @example 2024-05-20
             */
            issuedAt?: string | null;
            /** @example Chi cục Trồng trọt và Bảo vệ thực vật tỉnh Điện Biên */
            issuer?: string | null;
            /**
             * @description GeoJSON Point, Polygon or MultiPolygon in WGS 84 ([longitude, latitude]); rings must be closed
             * @example {
             *       "type": "Point",
             *       "coordinates": [
             *         103.0187,
             *         21.3702
             *       ]
             *     }
             */
            location?: {
                [key: string]: unknown;
            } | null;
            /**
             * @description This area’s own maximum yield, t/ha per season (admins only); else the organization’s or the default for the crop
             * @example 6.5
             */
            maxYieldTPerHa?: (string | number) | null;
            /** @example Cánh đồng Mường Thanh – bản Co Mỵ */
            name: string;
            /** @description Partner ids (member households) owning or farming it */
            ownerPartnerIds?: string[] | null;
            /**
             * @description Required unless provinceCode or communeCode names the place
             * @example Điện Biên
             */
            province?: string;
            /**
             * @description Official province code (2 digits, GET /api/v1/admin-units/provinces); sets `province`
             * @example 11
             */
            provinceCode?: string | null;
            /** @example VietGAP */
            standard?: string | null;
            /**
             * @description Registration status; later changes go through POST /{id}/status
             * @default draft
             * @enum {string}
             */
            status: "draft" | "active";
            /**
             * @description Reason recorded with the registration status
             * @example Mã số vùng trồng đã được cấp
             */
            statusReason?: string | null;
            /**
             * @example [
             *       "VN",
             *       "EU"
             *     ]
             */
            targetMarkets?: string[] | null;
            /** @example Séng Cù */
            variety?: string | null;
        };
        CreateInputApplicationDto: {
            /** @example Hexaconazole */
            activeIngredient?: string | null;
            /**
             * @description Date applied (not in the future)
             * @example 2026-03-15
             */
            appliedAt: string;
            /** @example 1 */
            dose?: (string | number) | null;
            /** @example l/ha */
            doseUnit?: string | null;
            /**
             * @example pesticide
             * @enum {string}
             */
            kind: "fertiliser" | "pesticide" | "other";
            /**
             * @description Pre-harvest interval (thời gian cách ly), days
             * @example 7
             */
            phiDays: number;
            /** @description Where the phone was when it was written; shown to staff only */
            position?: components["schemas"]["FieldPositionDto"] | null;
            /** @example Anvil 5SC */
            productName: string;
        };
        CreateLabelJobDto: {
            /**
             * @description Labels to print; at most LABEL_JOB_MAX_COUNT
             * @example 240
             */
            count: number;
            /**
             * @default vi
             * @enum {string}
             */
            language: "vi" | "en";
            /** Format: uuid */
            lotId: string;
            /**
             * @description Printer calibration, mm to the right
             * @default 0
             */
            offsetXMm: number;
            /**
             * @description Printer calibration, mm down
             * @default 0
             */
            offsetYMm: number;
            /**
             * @description Thin cut outlines around each label
             * @default false
             */
            outline: boolean;
            /** @description Give every label its own globally unique serial (in the QR and printed) */
            serialized: boolean;
            /**
             * @description First cell to print on the first sheet (1-based, row by row), to finish a partly used sheet
             * @default 1
             */
            startPosition: number;
            /**
             * @description GET /api/v1/label-templates lists them
             * @example a4-3x8-70x37
             */
            templateId: string;
        };
        CreateOrganizationLinkDto: {
            /**
             * @description oversight: a confirmed programme office invites an organization of its province, or an organization asks its province’s office to oversee it (read-only). trade: ask the organization to accept your shipments.
             * @enum {string}
             */
            kind: "oversight" | "trade";
            /**
             * Format: uuid
             * @description The organization on the other side
             */
            organizationId: string;
        };
        CreatePartnerDto: {
            /** @example Bản Co Mỵ, xã Thanh Xương, huyện Điện Biên */
            address?: string | null;
            /**
             * @description Citizen id (CCCD, 12 digits; old CMND, 9). Private: returned to your own organization only, never on public pages.
             * @example 011090001234
             */
            citizenId?: string | null;
            /** @example Thanh Xương */
            commune?: string | null;
            /**
             * @description Official commune code (5 digits, GET /api/v1/admin-units/provinces/{code}/communes); sets `commune` and `province`
             * @example 03334
             */
            communeCode?: string | null;
            /**
             * @description ISO 3166-1 alpha-2 country code; empty means Vietnam (VN)
             * @example US
             */
            country?: string | null;
            /**
             * @description GS1 GLN, 13 digits; the check digit is verified
             * @example 8934567000017
             */
            gln?: string | null;
            /**
             * @example member_household
             * @enum {string}
             */
            kind: "member_household" | "collector" | "processor" | "packer" | "distributor" | "retailer" | "transporter" | "lab";
            /**
             * Format: uuid
             * @description The partner’s own organization on this platform, if it has one. Naming it asks that organization to accept your shipments (a trade link, see /api/v1/organization-links); shipping to this partner answers 403 PARTNER_LINK_NOT_CONFIRMED until it does
             */
            linkedOrganizationId?: string | null;
            /** @example Hộ Lò Văn Panh */
            name: string;
            /** @description Private: returned to your own organization only, never on public pages. */
            notes?: string | null;
            /**
             * @description Private: returned to your own organization only, never on public pages.
             * @example 0912 345 678
             */
            phone?: string | null;
            /** @example Điện Biên */
            province?: string | null;
            /**
             * @description Official province code (2 digits, GET /api/v1/admin-units/provinces); sets `province`
             * @example 11
             */
            provinceCode?: string | null;
            /**
             * @description Tax code (MST: 10 digits, branch -XXX, or 12). Private: returned to your own organization only, never on public pages.
             * @example 5600123456
             */
            taxCode?: string | null;
        };
        CreatePosterDto: {
            /**
             * @example vi
             * @enum {string}
             */
            lang?: "vi" | "en";
            /**
             * @example a4
             * @enum {string}
             */
            size: "a4" | "a5";
        };
        CreateProductDto: {
            /** @example Séng Cù Mường Thanh */
            brand?: string | null;
            description?: string | null;
            /**
             * @description GTIN-8, -12, -13 or -14 (spaces allowed); stored as 14 digits; check digit verified; unique across the platform
             * @example 8936049120016
             */
            gtin?: string | null;
            /** @example https://example.vn/seng-cu.jpg */
            imageUrl?: string | null;
            /** @example Dien Bien Seng Cu sticky rice */
            nameEn?: string | null;
            /** @example Gạo nếp Séng Cù Điện Biên */
            nameVi: string;
            /**
             * @description Net content of one piece or pack (> 0)
             * @example 2
             */
            netContent?: (string | number) | null;
            /**
             * @example kg
             * @enum {string|null}
             */
            netContentUnit?: "kg" | "t" | "g" | "l" | "ml" | "pcs" | null;
            /** @description OCOP product group (Decision 148/QĐ-TTg): 1 Thực phẩm; 2 Đồ uống; 3 Thảo dược; 4 Vải và may mặc; 5 Lưu niệm – nội thất – trang trí; 6 Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch */
            ocopGroup?: number | null;
            /** @example 365 */
            shelfLifeDays?: number | null;
            /**
             * @description Standards and regulations applied
             * @example [
             *       "TCVN 11888:2017",
             *       "VietGAP"
             *     ]
             */
            standards?: string[] | null;
            /**
             * @description Default unit of this product’s lots
             * @example kg
             * @enum {string}
             */
            unit: "kg" | "t" | "g" | "l" | "ml" | "pcs" | "pack";
        };
        CreateUserDto: {
            email: string;
            name?: string;
            /** @description Leave out to get a one-time link (valid 72 h) for the user to set their own password */
            password?: string;
            /** @enum {string} */
            role: "admin" | "recorder" | "viewer";
        };
        CropYieldLimitDto: {
            /** @example sticky_rice */
            crop: string;
            /** @example 7 */
            defaultMaxYieldTPerHa: string | null;
            /** @example 7.5 */
            maxYieldTPerHa: string;
            /** @example Sticky rice (paddy) */
            nameEn?: string | null;
            /** @example Lúa nếp */
            nameVi?: string | null;
            /** @enum {string} */
            source: "organization" | "default";
        };
        CropYieldLimitListDto: {
            items: components["schemas"]["CropYieldLimitDto"][];
        };
        ErrorDto: {
            /** @example GROWING_AREA_STATUS_TRANSITION */
            code: string;
            /**
             * @example {
             *       "field": "status"
             *     }
             */
            details?: {
                [key: string]: unknown;
            };
            /** @example status: a growing area cannot go from revoked to active (revoked is final) */
            message: string;
            /** @example 422 */
            statusCode: number;
        };
        EventDocumentDto: {
            /** @example HĐ 0012/2026 */
            number: string;
            /**
             * @description invoice, delivery_note, purchase_order, test_result, certificate… or a CBV code
             * @example invoice
             */
            type: string;
        };
        EventDto: {
            /** @example ADD */
            action: string | null;
            /** @example commissioning */
            bizStep: string | null;
            destinationPartnerId: string | null;
            /** @description Lot master data, process, yield check/override, shipment… */
            details: {
                [key: string]: unknown;
            };
            /** @example active */
            disposition: string | null;
            documents: components["schemas"]["EventDocumentDto"][];
            /** @example ObjectEvent */
            epcisEventType: string;
            /** @example 2026-10-05T08:30:00.000+07:00 */
            eventTime: string;
            /** @example +07:00 */
            eventTimeOffset: string;
            facilityId: string | null;
            growingAreaId: string | null;
            /**
             * @description sha256(prevHash || canonical JSON of the event and its lines)
             * @example 9f2c…
             */
            hash: string;
            id: string;
            lines: components["schemas"]["EventLineDto"][];
            prevHash: string | null;
            reason: string | null;
            recordedBy: string | null;
            recordTime: string;
            /** @description Position in the organization’s hash chain */
            seq: string;
            sourcePartnerId: string | null;
            /** @enum {string} */
            type: "harvest" | "transform" | "split" | "ship" | "receive" | "inspect" | "recall" | "void";
            /** @description Set when this event has been voided */
            voided: components["schemas"]["VoidedByDto"] | null;
            /** @description For a void: the event it voids */
            voidsEventId: string | null;
        };
        EventLineDto: {
            /** @enum {string} */
            direction: "input" | "output" | "observed";
            lotCode: string | null;
            lotId: string;
            quantity: string;
            /** @description The same quantity in the lot’s unit (what mass balance counts) */
            quantityInLotUnit: string;
            unit: string;
        };
        EventListDto: {
            items: components["schemas"]["EventDto"][];
            nextCursor?: string | null;
            /** @description How many match: counted with `?total=true`; without it given only when the whole list fits on the first page, otherwise null */
            total: number | null;
        };
        EventResultDto: {
            event: components["schemas"]["EventDto"];
        };
        EvidencePhotoDto: {
            /** @example Cột mốc góc đông bắc */
            caption: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            growingAreaId: string | null;
            /** @example 960 */
            height: number;
            /** Format: uuid */
            id: string;
            /**
             * @description The WebP (authenticated); `?size=thumb` for the 192 px thumbnail
             * @example /api/v1/growing-areas/…/photos/…/image
             */
            imageUrl: string;
            /** Format: uuid */
            lotId: string | null;
            /**
             * @description Size of the stored WebP (≤ 200 KB), bytes
             * @example 154000
             */
            sizeBytes: number;
            /** Format: uuid */
            uploadedBy: string | null;
            /**
             * @description Width of the stored WebP, px (at most 1280)
             * @example 1280
             */
            width: number;
        };
        EvidencePhotoListDto: {
            items: components["schemas"]["EvidencePhotoDto"][];
        };
        FacilityDto: {
            address: string | null;
            code: string | null;
            codeIssuer: string | null;
            /** @enum {string|null} */
            codeStatus: "active" | "suspended" | "revoked" | null;
            commune: string | null;
            /** @description Official commune code; null when the text matches no commune */
            communeCode: string | null;
            /** Format: date-time */
            createdAt: string;
            gln: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "processing_plant" | "packing_house" | "warehouse";
            /** @description GeoJSON Point */
            location: {
                [key: string]: unknown;
            } | null;
            name: string;
            /** Format: uuid */
            organizationId: string;
            province: string | null;
            /** @description Official province code; null when the text matches no province */
            provinceCode: string | null;
            /** Format: date-time */
            updatedAt: string;
        };
        FacilityPageDto: {
            items: components["schemas"]["FacilityDto"][];
            /** @description Pass as ?cursor= for the next page; null on the last page */
            nextCursor: string | null;
            /** @description Matching records, all pages together: counted with `?total=true`; without it given only when the whole list fits on the first page, otherwise null */
            total: number | null;
        };
        FieldPositionDto: {
            /**
             * @description The accuracy the phone reported, metres
             * @example 12
             */
            accuracyM?: number | null;
            /**
             * @description WGS 84 latitude, degrees
             * @example 21.385612
             */
            latitude: number;
            /**
             * @description WGS 84 longitude, degrees
             * @example 103.016934
             */
            longitude: number;
        };
        ForgotPasswordDto: {
            email: string;
        };
        GrowingAreaDetailDto: {
            /** @description Decimal string, hectares */
            areaHa: string;
            code: string;
            commune: string | null;
            /** @description Official commune code; null when the text matches no commune */
            communeCode: string | null;
            /** Format: date-time */
            createdAt: string;
            crop: string;
            /** @description No harvest before this date (pre-harvest intervals); null: no restriction */
            earliestHarvestDate: string | null;
            /** @description Ceiling in force, t/ha per season */
            effectiveMaxYieldTPerHa: string | null;
            expectedYieldT: string | null;
            /** Format: uuid */
            id: string;
            issuedAt: string | null;
            issuer: string | null;
            /** @description GeoJSON geometry */
            location: {
                [key: string]: unknown;
            } | null;
            /** @description areaHa × effective ceiling, tonnes per season */
            maxHarvestT: string | null;
            /** @enum {string|null} */
            maxYieldSource: "area" | "organization" | "default" | null;
            /** @description The area’s own ceiling, t/ha */
            maxYieldTPerHa: string | null;
            name: string;
            /** Format: uuid */
            organizationId: string;
            ownerPartnerIds: string[];
            owners: components["schemas"]["OwnerDto"][];
            province: string;
            /** @description Official province code; null when the text matches no province */
            provinceCode: string | null;
            standard: string | null;
            /** @enum {string} */
            status: "draft" | "active" | "suspended" | "revoked";
            /** @description Oldest first */
            statusHistory: components["schemas"]["StatusChangeDto"][];
            targetMarkets: string[];
            /** Format: date-time */
            updatedAt: string;
            variety: string | null;
        };
        GrowingAreaDto: {
            /** @description Decimal string, hectares */
            areaHa: string;
            code: string;
            commune: string | null;
            /** @description Official commune code; null when the text matches no commune */
            communeCode: string | null;
            /** Format: date-time */
            createdAt: string;
            crop: string;
            /** @description No harvest before this date (pre-harvest intervals); null: no restriction */
            earliestHarvestDate: string | null;
            /** @description Ceiling in force, t/ha per season */
            effectiveMaxYieldTPerHa: string | null;
            expectedYieldT: string | null;
            /** Format: uuid */
            id: string;
            issuedAt: string | null;
            issuer: string | null;
            /** @description GeoJSON geometry */
            location: {
                [key: string]: unknown;
            } | null;
            /** @description areaHa × effective ceiling, tonnes per season */
            maxHarvestT: string | null;
            /** @enum {string|null} */
            maxYieldSource: "area" | "organization" | "default" | null;
            /** @description The area’s own ceiling, t/ha */
            maxYieldTPerHa: string | null;
            name: string;
            /** Format: uuid */
            organizationId: string;
            ownerPartnerIds: string[];
            owners: components["schemas"]["OwnerDto"][];
            province: string;
            /** @description Official province code; null when the text matches no province */
            provinceCode: string | null;
            standard: string | null;
            /** @enum {string} */
            status: "draft" | "active" | "suspended" | "revoked";
            targetMarkets: string[];
            /** Format: date-time */
            updatedAt: string;
            variety: string | null;
        };
        GrowingAreaPageDto: {
            items: components["schemas"]["GrowingAreaDto"][];
            /** @description Pass as ?cursor= for the next page; null on the last page */
            nextCursor: string | null;
            /** @description Matching records, all pages together: counted with `?total=true`; without it given only when the whole list fits on the first page, otherwise null */
            total: number | null;
        };
        HarvestDto: {
            /** @description Accept a season total above area × max yield; needs yieldWarningReason */
            acknowledgeYieldWarning?: boolean;
            /** @example Lúa nếp vụ mùa ruộng Co Mỵ */
            displayName?: string;
            /** @description Reference documents (field tag, harvest log…): FSMA 204 asks for their type and number */
            documents?: components["schemas"]["EventDocumentDto"][];
            /** Format: uuid */
            growingAreaId: string;
            /**
             * @description ISO 8601; without an offset it is Vietnam time (+07:00)
             * @example 2026-10-05T08:30:00+07:00
             */
            harvestedAt: string;
            /**
             * @description GS1 AI (10): ≤ 20 characters, no diacritics or spaces; generated when absent
             * @example DB-2026-000123
             */
            lotCode?: string;
            /**
             * Format: uuid
             * @description The member household (partner of kind member_household) who harvested
             */
            partnerId?: string;
            /** @description Where the phone was when the harvest was written; kept in the event (covered by its hash), shown to staff only */
            position?: components["schemas"]["FieldPositionDto"] | null;
            /** Format: uuid */
            productId: string;
            /**
             * @description Decimal, > 0, at most 6 decimals
             * @example 125.5
             */
            quantity: string | number;
            /**
             * @description Unknown units answer 422 UNIT_UNKNOWN
             * @example kg
             * @enum {string}
             */
            unit: "kg" | "t" | "g" | "l" | "ml" | "pcs" | "pack";
            /** @example Giống mới năng suất cao, đã được phòng NN xác nhận */
            yieldWarningReason?: string;
        };
        HarvestRuleInputDto: {
            activeIngredient: string | null;
            appliedAt: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "fertiliser" | "pesticide" | "other";
            phiDays: number;
            productName: string;
            safeFrom: string;
        };
        HarvestWindowDto: {
            /** @description Inputs whose pre-harvest interval covers today */
            blockingInputs: components["schemas"]["HarvestRuleInputDto"][];
            /** @description Earliest allowed harvest date; null: no pre-harvest interval applies */
            earliestHarvestDate: string | null;
            /** Format: uuid */
            growingAreaId: string;
            /** @description Active and outside every pre-harvest interval today */
            harvestAllowedToday: boolean;
            /** @description Tonnes per crop season */
            maxHarvestT: string | null;
            /** @description Tonnes per calendar year */
            maxHarvestTPerYear: string | null;
            /** @enum {string|null} */
            maxYieldSource: "area" | "organization" | "default" | null;
            maxYieldTPerHa: string | null;
            /** @description Crop seasons per calendar year */
            seasonsPerYear: number;
            /** @enum {string} */
            status: "draft" | "active" | "suspended" | "revoked";
            /** @description Today in Vietnam */
            today: string;
        };
        ImportColumnDto: {
            allowed?: {
                en?: string;
                value?: string | number;
                vi?: string;
            }[];
            /** @example Area (ha) */
            en: string;
            /** @example areaHa */
            key: string;
            required: boolean;
            /** @example Diện tích (ha) */
            vi: string;
        };
        ImportDto: {
            /** @description True when this file had been uploaded before: nothing new was made */
            alreadyUploaded: boolean;
            /** Format: date-time */
            committedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            createdCount: number;
            /** @description sha256 of the file; the same file uploaded again answers this import */
            digest: string;
            /** @example IMPORT_ROWS_INVALID */
            errorCode: string | null;
            errorCount: number;
            errorMessage: string | null;
            errorRows: number;
            /** @description The first 500 row errors; all of them are in the annotated file */
            errors: components["schemas"]["ImportRowErrorDto"][];
            /** @description Rows naming a record that exists (left alone, or updated when asked) */
            existingRows: number;
            failedCount: number;
            /** @example ho-thanh-vien.xlsx */
            fileName: string;
            /** @description Row number of the header in the file */
            headerRow: number;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "partners" | "growing-areas" | "products" | "facilities" | "certifications" | "input-applications" | "harvests" | "processing";
            /** @enum {string|null} */
            mode: "all_or_nothing" | "valid_rows" | null;
            processedRows: number;
            /** @description Commit progress, 0–100 */
            progress: number;
            skippedCount: number;
            /**
             * @description validated (dry run done, nothing imported) → queued → committing → done, or failed
             * @enum {string}
             */
            status: "validated" | "queued" | "committing" | "done" | "failed";
            totalRows: number;
            updatedCount: number;
            updateExisting: boolean;
            /** @description Rows that would make a new record */
            validRows: number;
        };
        ImportKindDto: {
            columns: components["schemas"]["ImportColumnDto"][];
            /** @enum {string} */
            name: "partners" | "growing-areas" | "products" | "facilities" | "certifications" | "input-applications" | "harvests" | "processing";
            titleEn: string;
            titleVi: string;
        };
        ImportRowErrorDto: {
            /**
             * @description The same code the API gives for this field
             * @example AREA_HA_NOT_POSITIVE
             */
            code: string;
            /**
             * @description The column’s header as written in the file
             * @example Diện tích (ha)
             */
            column: string | null;
            /**
             * @description The API field
             * @example areaHa
             */
            field: string | null;
            /** @example areaHa: must be greater than 0, got 0 */
            message: string;
            /**
             * @description Row number in the file, as Excel shows it
             * @example 7
             */
            row: number;
        };
        InputApplicationDto: {
            activeIngredient: string | null;
            /** @example 2026-03-15 */
            appliedAt: string;
            /** Format: date-time */
            createdAt: string;
            dose: string | null;
            doseUnit: string | null;
            /** Format: uuid */
            growingAreaId: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "fertiliser" | "pesticide" | "other";
            /** Format: uuid */
            organizationId: string;
            phiDays: number;
            /** @description Where the phone was when it was written (staff only) */
            position: components["schemas"]["FieldPositionDto"] | null;
            productName: string;
            /** Format: uuid */
            recordedBy: string | null;
            /** @description First day a harvest is allowed after it: appliedAt + phiDays */
            safeFrom: string;
            voided: boolean;
            /** Format: date-time */
            voidedAt: string | null;
            /** Format: uuid */
            voidedBy: string | null;
            voidReason: string | null;
        };
        InputApplicationPageDto: {
            items: components["schemas"]["InputApplicationDto"][];
            /** @description Pass as ?cursor= for the next page; null on the last page */
            nextCursor: string | null;
            /** @description Matching records, all pages together: counted with `?total=true`; without it given only when the whole list fits on the first page, otherwise null */
            total: number | null;
        };
        InspectDto: {
            /** @description The lab report or QC record (at least one) */
            documents: components["schemas"]["EventDocumentDto"][];
            /**
             * @description ISO 8601; without an offset it is Vietnam time (+07:00)
             * @example 2026-10-05T08:30:00+07:00
             */
            inspectedAt: string;
            notes?: string;
            parameters?: components["schemas"]["InspectionParameterDto"][];
            /**
             * Format: uuid
             * @description The lab (a partner)
             */
            partnerId?: string;
            /** @enum {string} */
            result: "conformant" | "non_conformant";
        };
        InspectionParameterDto: {
            /** @example Chlorpyrifos */
            name: string;
            /** @example mg/kg */
            unit?: string;
            /** @example < 0.01 */
            value: string;
        };
        LabelJobDto: {
            attempts: number;
            count: number;
            /** Format: date-time */
            createdAt: string;
            error?: components["schemas"]["LabelJobErrorDto"];
            /** @description Pages the finished PDF has */
            expectedPages: number;
            /** @description Size of the PDF in bytes, once done */
            fileSize?: number | null;
            /** Format: date-time */
            finishedAt?: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            language: "vi" | "en";
            /** Format: uuid */
            lotId: string;
            offsetXMm: number;
            offsetYMm: number;
            outline: boolean;
            /** @description Pages rendered so far (all pages when done) */
            pages?: number | null;
            /** @example /api/v1/label-jobs/…/pdf */
            pdfUrl: string;
            /** @description Whole percent of labels rendered */
            percent: number;
            /** @description Labels rendered so far */
            progress: number;
            /**
             * @description First serial (a decimal bigint, as a string)
             * @example 1001
             */
            serialFirst?: string | null;
            serialized: boolean;
            /**
             * @description Last serial: the range is contiguous
             * @example 1240
             */
            serialLast?: string | null;
            /** @description SHA-256 of the PDF (hex), once done */
            sha256?: string | null;
            /** @description What is printed, frozen when the job was created */
            snapshot: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            startedAt?: string | null;
            startPosition: number;
            /** @enum {string} */
            status: "queued" | "rendering" | "done" | "failed";
            templateId: string;
            /** @description Labels in the job (= count) */
            total: number;
            /** @description What to fix before printing: PUBLIC_BASE_URL_LOOPBACK when the QR codes and printed address are a loopback address (localhost) no phone can open */
            warnings: components["schemas"]["LabelWarningDto"][];
        };
        LabelJobErrorDto: {
            /** @example LABEL_PAYLOAD_TOO_LONG */
            code: string;
            message: string;
        };
        LabelJobListDto: {
            items: components["schemas"]["LabelJobDto"][];
            nextCursor?: string;
        };
        LabelLayoutDto: {
            /** @description The QR with its 4-module quiet zone, relative to the label */
            qr: components["schemas"]["BoxDto"];
            text: components["schemas"]["BoxDto"];
        };
        LabelTemplateDto: {
            columns: number;
            gapXMm: number;
            gapYMm: number;
            /** @example a4-3x8-70x37 */
            id: string;
            /** @enum {string} */
            kind: "sheet" | "roll";
            labelHeightMm: number;
            labelsPerPage: number;
            labelWidthMm: number;
            layout: components["schemas"]["LabelLayoutDto"];
            /** @description Page left edge to the first label */
            marginLeftMm: number;
            /** @description Page top edge to the first label */
            marginTopMm: number;
            /** @description Smallest QR module printed; a longer payload is refused */
            minQrModuleMm: number;
            nameEn: string;
            nameVi: string;
            pageHeightMm: number;
            pageWidthMm: number;
            /** @description Label width plus the gap to the next column */
            pitchXMm: number;
            /** @description Label height plus the gap to the next row */
            pitchYMm: number;
            rows: number;
        };
        LabelWarningDto: {
            /** @enum {string} */
            code: "PUBLIC_BASE_URL_LOOPBACK";
            message: string;
            /**
             * @description The address printed on the labels
             * @example http://localhost:3000
             */
            url: string;
        };
        LoginDto: {
            email: string;
            password: string;
        };
        LoginResponseDto: {
            accessToken: string;
            user: components["schemas"]["UserDto"];
        };
        LotAreaRefDto: {
            code: string | null;
            id: string;
            name: string | null;
        };
        LotAvailabilityDto: {
            /** @example 250.5 */
            available: string;
            /** @example 1000 */
            consumed: string;
            /** @example 1250.5 */
            quantity: string;
            /** @example kg */
            unit: string;
        };
        LotDto: {
            availability: components["schemas"]["LotAvailabilityDto"];
            /** @description quantity − consumed */
            available: string;
            /** @example GNSC-2026-000001 */
            code: string;
            /** @description Given out so far (transform, split, ship), in the lot’s unit */
            consumed: string;
            createdAt: string;
            createdEventId: string | null;
            displayName: string | null;
            /** @example 2027-10-05 */
            expiresAt: string | null;
            facility: components["schemas"]["LotRefDto"] | null;
            growingArea: components["schemas"]["LotAreaRefDto"] | null;
            household: components["schemas"]["LotRefDto"] | null;
            id: string;
            /** @enum {string} */
            kind: "harvest" | "processed" | "packed" | "split" | "received";
            /** @example 2026-10-05T08:30:00.000+07:00 */
            producedAt: string;
            /** @example +07:00 */
            producedAtOffset: string;
            product: components["schemas"]["LotProductRefDto"];
            quantity: string;
            recalledAt: string | null;
            recallReason: string | null;
            /** @example K7M2Q9XZ */
            shortCode: string;
            /** @enum {string} */
            status: "active" | "recalled" | "voided";
            unit: string;
            /** @description GS1 Digital Link when the product has a GTIN, else the short URL */
            uri: string;
        };
        LotListDto: {
            items: components["schemas"]["LotDto"][];
            nextCursor?: string | null;
            /** @description How many match: counted with `?total=true`; without it given only when the whole list fits on the first page, otherwise null */
            total: number | null;
        };
        LotProductRefDto: {
            gtin: string | null;
            id: string;
            nameEn: string | null;
            nameVi: string;
            unit: string;
        };
        LotRefDto: {
            id: string;
            name: string | null;
        };
        OrganizationDto: {
            address?: string | null;
            commune?: string | null;
            /** @description Official commune code; null when the text matches no commune */
            communeCode: string | null;
            id: string;
            /** @enum {string} */
            kind: "cooperative" | "enterprise" | "household_business" | "programme_office";
            name: string;
            /**
             * Format: date-time
             * @description Programme offices: when a platform operator confirmed it (null: it oversees nothing)
             */
            officeConfirmedAt?: string | null;
            province?: string | null;
            /** @description Official province code; null when the text matches no province */
            provinceCode: string | null;
        };
        OrganizationLinkDto: {
            /** @description Pending, and asked by the other side: you may accept or decline it */
            awaitingOurAnswer: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            endedAt?: string | null;
            from: components["schemas"]["OrganizationSummaryDto"];
            /** @description oversight: the programme office; trade: the sender */
            fromOrganizationId: string;
            id: string;
            /** @enum {string} */
            kind: "oversight" | "trade";
            /** @description The organization on the other side from yours */
            other: components["schemas"]["OrganizationSummaryDto"];
            requestedByOrganizationId: string;
            /** Format: date-time */
            respondedAt?: string | null;
            /** @enum {string} */
            status: "pending" | "active" | "declined" | "ended";
            to: components["schemas"]["OrganizationSummaryDto"];
            /** @description oversight: the organization overseen; trade: the receiver */
            toOrganizationId: string;
        };
        OrganizationLinkListDto: {
            items: components["schemas"]["OrganizationLinkDto"][];
            total: number;
        };
        OrganizationProfileDto: {
            address?: string | null;
            commune?: string | null;
            /** @description Official commune code; null when the text matches no commune */
            communeCode: string | null;
            gln?: string | null;
            gs1CompanyPrefix?: string | null;
            id: string;
            /** @enum {string} */
            kind: "cooperative" | "enterprise" | "household_business" | "programme_office";
            name: string;
            phone?: string | null;
            province?: string | null;
            /** @description Official province code; null when the text matches no province */
            provinceCode: string | null;
        };
        OrganizationSummaryDto: {
            commune?: string | null;
            id: string;
            /** @enum {string} */
            kind: "cooperative" | "enterprise" | "household_business" | "programme_office";
            name: string;
            province?: string | null;
        };
        OrganizationSummaryListDto: {
            items: components["schemas"]["OrganizationSummaryDto"][];
            total: number;
        };
        OwnerDto: {
            /** Format: uuid */
            id: string;
            kind: string;
            name: string;
        };
        PartnerDto: {
            address: string | null;
            /** @description Private: returned to your own organization only, never on public pages. */
            citizenId?: string | null;
            commune: string | null;
            /** @description Official commune code; null when the text matches no commune */
            communeCode: string | null;
            country: string | null;
            /** Format: date-time */
            createdAt: string;
            gln: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "member_household" | "collector" | "processor" | "packer" | "distributor" | "retailer" | "transporter" | "lab";
            /** Format: uuid */
            linkedOrganizationId: string | null;
            name: string;
            /** @description Private: returned to your own organization only, never on public pages. */
            notes?: string | null;
            /** Format: uuid */
            organizationId: string;
            /** @description Private: returned to your own organization only, never on public pages. */
            phone?: string | null;
            province: string | null;
            /** @description Official province code; null when the text matches no province */
            provinceCode: string | null;
            /** @description Private: returned to your own organization only, never on public pages. */
            taxCode?: string | null;
            /** Format: date-time */
            updatedAt: string;
        };
        PartnerPageDto: {
            items: components["schemas"]["PartnerDto"][];
            /** @description Pass as ?cursor= for the next page; null on the last page */
            nextCursor: string | null;
            /** @description Matching records, all pages together: counted with `?total=true`; without it given only when the whole list fits on the first page, otherwise null */
            total: number | null;
        };
        PasswordLinkDto: {
            /** Format: date-time */
            expiresAt: string;
            /**
             * @description Works once, until expiresAt
             * @example https://truyxuat.example.vn/console/#/reset-password?token=…
             */
            link: string;
        };
        PhotoDto: {
            /** @example aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.webp */
            key: string;
            /** @description The thumbnail (≤ 8 KB), public */
            thumbUrl: string;
            /** @description The web size (≤ 30 KB), public */
            url: string;
        };
        PosterDto: {
            /** @example a4-vi-000000000000000000000000 */
            id: string;
            /** @enum {string} */
            lang: "vi" | "en";
            /** @description GET it once done (application/pdf) */
            pdfPath: string;
            /** @enum {string} */
            size: "a4" | "a5";
            /** @enum {string} */
            status: "queued" | "done" | "failed";
        };
        ProductDto: {
            brand: string | null;
            /** Format: date-time */
            createdAt: string;
            description: string | null;
            /** @description GTIN-14 */
            gtin: string | null;
            /** Format: uuid */
            id: string;
            imageUrl: string | null;
            nameEn: string | null;
            nameVi: string;
            /** @description Decimal string */
            netContent: string | null;
            /** @enum {string|null} */
            netContentUnit: "kg" | "t" | "g" | "l" | "ml" | "pcs" | null;
            /** @description OCOP product group (Decision 148/QĐ-TTg): 1 Thực phẩm; 2 Đồ uống; 3 Thảo dược; 4 Vải và may mặc; 5 Lưu niệm – nội thất – trang trí; 6 Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch */
            ocopGroup: number | null;
            /** @description Stars of the OCOP certification valid today */
            ocopStars: number | null;
            /** Format: uuid */
            organizationId: string;
            shelfLifeDays: number | null;
            standards: string[];
            /** @enum {string} */
            unit: "kg" | "t" | "g" | "l" | "ml" | "pcs" | "pack";
            /** Format: date-time */
            updatedAt: string;
        };
        ProductPageDto: {
            items: components["schemas"]["ProductDto"][];
            /** @description Pass as ?cursor= for the next page; null on the last page */
            nextCursor: string | null;
            /** @description Matching records, all pages together: counted with `?total=true`; without it given only when the whole list fits on the first page, otherwise null */
            total: number | null;
        };
        ProductPhotoDto: {
            photo?: components["schemas"]["PhotoDto"] | null;
            productId: string;
        };
        ProfileProductDto: {
            id: string;
            nameVi: string;
            ocopGroup?: number | null;
            photo?: components["schemas"]["PhotoDto"] | null;
        };
        ProgrammeAlertDto: {
            /** @example 2026-12-03 */
            day: string;
            /** @description What the alert is about: the product and expiry, the area and lots on sale, the lot and serial, or the recall and its receiver */
            details: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @description When the alert was mailed to the office (null: not mailed, e.g. SMTP not configured)
             */
            emailedAt: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "certificate_expiring" | "certificate_expired" | "area_withdrawn_with_stock" | "copied_label" | "recall_not_acknowledged";
            /**
             * Format: uuid
             * @description The overseen cooperative it concerns
             */
            organizationId: string;
            organizationName: string;
            /**
             * @description critical: a certificate within 30 days or expired, a withdrawn area with stock, an unacknowledged recall
             * @enum {string}
             */
            severity: "warning" | "critical";
        };
        ProgrammeAlertsDto: {
            /**
             * Format: date-time
             * @description When the worker computed that day
             */
            computedAt: string | null;
            /**
             * @description The computed day answered (null: no day computed yet)
             * @example 2026-12-03
             */
            day: string | null;
            items: components["schemas"]["ProgrammeAlertDto"][];
        };
        ProgrammeCountsDto: {
            /** @description Recorded any event in the period */
            active: number;
            inactive: number;
            linked: number;
        };
        ProgrammeDashboardDto: {
            /**
             * Format: date-time
             * @description When this answer was made (the live figures are computed now; see freshness for the rollups)
             */
            computedAt: string;
            cooperatives: components["schemas"]["ProgrammeCountsDto"];
            /** @description certifiedProducts, covered, share (0–1), shortfalls {noLots, noGrowingArea, noLabels} */
            coverage: {
                [key: string]: unknown;
            };
            filters: {
                [key: string]: unknown;
            };
            /**
             * @description Per section (cooperatives, ocop, coverage, growingAreas, monthly, recalls, signals): { source: live | rollup, computedAt, refreshEveryMinutes }. Rollups are refreshed by the worker every 10 minutes and count every change committed before computedAt (null: not built yet).
             * @example {
             *       "monthly": {
             *         "source": "rollup",
             *         "computedAt": "2026-06-30T03:10:00.000Z",
             *         "refreshEveryMinutes": 10
             *       },
             *       "ocop": {
             *         "source": "live",
             *         "computedAt": "2026-06-30T03:14:12.000Z"
             *       }
             *     }
             */
            freshness: {
                [key: string]: unknown;
            };
            /** @description byStatus, byCrop, totalAreaHa, suspendedOrRevokedWithStockOnSale */
            growingAreas: {
                [key: string]: unknown;
            };
            /** @description Per month: lots, harvestLots, harvestedKg, processedLots, processedKg, labelsPrinted, scans, distinctClients, distinctClientsPer (month: each client once in the month per cooperative; day: the period cuts the month, each client once a day) */
            monthly: {
                [key: string]: unknown;
            }[];
            ocop: components["schemas"]["ProgrammeOcopDto"];
            office: {
                [key: string]: unknown;
            };
            /**
             * @example {
             *       "from": "2026-01-01",
             *       "to": "2026-12-31",
             *       "asOf": "2026-12-31"
             *     }
             */
            period: {
                [key: string]: unknown;
            };
            /** @description open, items (recallId, rootLotCode, lots, organizations, labelsPrinted) */
            recalls: {
                [key: string]: unknown;
            };
            /** @description yieldOverrides (in the period), copiedLabels (serials that look copied) */
            signals: {
                [key: string]: unknown;
            };
        };
        ProgrammeItemsDto: {
            /** @description Coverage only: when the rollups its lots come from were refreshed (null: not built yet) */
            computedAt?: Record<string, never> | null;
            items: {
                [key: string]: unknown;
            }[];
        };
        ProgrammeMapDto: {
            /** @description GeoJSON FeatureCollection of the areas (properties: code, name, crop, areaHa, status, organizationName…) */
            areas: {
                [key: string]: unknown;
            };
            /** @description {url, attribution} from MAP_TILE_URL; null: no tiles */
            tiles: {
                [key: string]: unknown;
            } | null;
        };
        ProgrammeOcopDto: {
            expired: number;
            expiringWithin30Days: number;
            expiringWithin90Days: number;
            /** @description Products with an OCOP certificate issued by the period’s end */
            products: number;
            stars3: number;
            stars4: number;
            stars5: number;
            valid: number;
        };
        ProgrammeReportDto: {
            /** @description SHA-256 of the figures the files show: the same for every render of the month over the same records */
            contentSha256: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @example REPORT_RENDER_FAILED */
            errorCode: string | null;
            /** @description The XLSX and PDF, once done */
            files: components["schemas"]["ProgrammeReportFilesDto"] | null;
            /** Format: date-time */
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            /** @example 2026-06 */
            month: string;
            /** @description Percent done, 0–100 */
            progress: number;
            /** @enum {string} */
            status: "queued" | "rendering" | "done" | "failed";
        };
        ProgrammeReportFileDto: {
            /** @example /api/v1/programme/reports/0b9c…/report.pdf */
            href: string;
            /** @description SHA-256 of the file (also its ETag) */
            sha256: string;
            size: number;
        };
        ProgrammeReportFilesDto: {
            pdf: components["schemas"]["ProgrammeReportFileDto"];
            xlsx: components["schemas"]["ProgrammeReportFileDto"];
        };
        ProgrammeReportRequestDto: {
            /**
             * @description The month YYYY-MM: a past month, or the month in progress (figures up to today)
             * @example 2026-06
             */
            month: string;
        };
        ProgrammeReportsDto: {
            /** @description The office’s 50 latest reports, newest first */
            items: components["schemas"]["ProgrammeReportDto"][];
        };
        ProvinceDto: {
            /** @example 11 */
            code: string;
            /** @example Điện Biên */
            name: string;
            /** @example Tỉnh Điện Biên */
            officialName: string;
        };
        PublicLinkDto: {
            /** @example Gian hàng trên Shopee */
            label: string;
            /** @example https://shopee.vn/htx-tra-shan-tuyet */
            url: string;
        };
        PublicProfileDto: {
            links: components["schemas"]["PublicLinkDto"][];
            listed: boolean;
            /** @description The producer page, once listed and overseen by the province’s programme office */
            pageUrl?: string | null;
            photos: components["schemas"]["PhotoDto"][];
            products: components["schemas"]["ProfileProductDto"][];
            publicEmail?: string | null;
            publicPhone?: string | null;
            storyEn?: string | null;
            storyVi?: string | null;
            visitInfoEn?: string | null;
            visitInfoVi?: string | null;
            website?: string | null;
            welcomesVisitors: boolean;
        };
        RecallAcknowledgementDto: {
            /**
             * @description What the receiver did (at most 2,000 characters)
             * @example Đã rút 12 thùng khỏi quầy
             */
            note?: string;
        };
        RecallAcknowledgementResultDto: {
            /** Format: date-time */
            acknowledgedAt: string;
            note: string | null;
            /** Format: uuid */
            recallId: string;
        };
        RecallDto: {
            /** Format: uuid */
            lotId: string;
            /** @example Dư lượng thuốc BVTV vượt ngưỡng */
            reason: string;
        };
        RecalledLotDto: {
            code: string;
            id: string;
            kind: string;
            productId: string;
            productNameVi: string;
            quantity: string;
            unit: string;
        };
        RecallJobDto: {
            errorCode: string | null;
            errorMessage: string | null;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            lotId: string;
            /** @description Lots marked recalled so far (every organization) */
            lotsMarked: number;
            /** @description Lots of this organization the recall reaches, counted when asked */
            lotsReachable: number;
            progress: number;
            requestedAt: string;
            /** @description When done: what POST /api/v1/recalls answers */
            result: components["schemas"]["RecallResultDto"] | null;
            /** @enum {string} */
            status: "queued" | "running" | "done" | "failed";
        };
        RecallResultDto: {
            /** @description Organizations on the platform whose received lots were recalled too */
            downstreamOrganizations: Record<string, never>[];
            event: components["schemas"]["EventDto"];
            /** @description The lot and every descendant in your organization */
            lots: components["schemas"]["RecalledLotDto"][];
            /** @description Partners shipped to, with their shipments */
            partners: Record<string, never>[];
        };
        ReceiveDto: {
            /** Format: uuid */
            facilityId?: string;
            /** @description Default: the sender’s lot code when you have no lot with it */
            lotCode?: string;
            /**
             * Format: uuid
             * @description Your product to receive into; default: yours with the same name and unit, else a copy of the sender’s
             */
            productId?: string;
            /**
             * @description Default: now
             * @example 2026-10-05T08:30:00+07:00
             */
            receivedAt?: string;
        };
        ReceiveResultDto: {
            event: components["schemas"]["EventDto"];
            lot: components["schemas"]["LotDto"];
            shipment: components["schemas"]["ShipmentDto"];
        };
        ResetPasswordDto: {
            password: string;
            /** @description The token from the link (…#/reset-password?token=…) */
            token: string;
        };
        SetCropYieldLimitDto: {
            /**
             * @description t/ha per crop season, > 0
             * @example 7.5
             */
            maxYieldTPerHa: string | number;
        };
        ShipDto: {
            documents?: components["schemas"]["EventDocumentDto"][];
            /**
             * Format: uuid
             * @description The partner shipped to; when it is linked to an organization on the platform, that organization can receive it
             */
            partnerId: string;
            /**
             * @description Decimal, > 0, at most 6 decimals
             * @example 125.5
             */
            quantity: string | number;
            /**
             * @description ISO 8601; without an offset it is Vietnam time (+07:00)
             * @example 2026-10-05T08:30:00+07:00
             */
            shippedAt: string;
            /**
             * @description Unknown units answer 422 UNIT_UNKNOWN
             * @example kg
             * @enum {string}
             */
            unit: "kg" | "t" | "g" | "l" | "ml" | "pcs" | "pack";
        };
        ShipmentDto: {
            createdAt: string;
            /** @enum {string} */
            direction: "incoming" | "outgoing";
            documents: components["schemas"]["EventDocumentDto"][];
            from: components["schemas"]["ShipmentFromDto"];
            id: string;
            lot: components["schemas"]["ShipmentLotDto"];
            partner: components["schemas"]["LotRefDto"] | null;
            quantity: string;
            receivedAt: string | null;
            receivedLotCode: string | null;
            receivedLotId: string | null;
            shipEventId: string | null;
            shippedAt: string;
            /** @enum {string} */
            status: "in_transit" | "received" | "cancelled";
            unit: string;
        };
        ShipmentFromDto: {
            organizationId: string;
            organizationName: string;
        };
        ShipmentListDto: {
            items: components["schemas"]["ShipmentDto"][];
            nextCursor?: string | null;
            /** @description How many match: counted with `?total=true`; without it given only when the whole list fits on the first page, otherwise null */
            total: number | null;
        };
        ShipmentLotDto: {
            code: string;
            gtin: string | null;
            /** @description Null for the receiver: the sender’s ids stay private */
            id: string | null;
            productId: string | null;
            productName: string;
            shortCode: string;
            uri: string;
        };
        ShipResultDto: {
            event: components["schemas"]["EventDto"];
            shipment: components["schemas"]["ShipmentDto"];
        };
        SignupDto: {
            address?: string;
            /** @example Thanh Xương */
            commune?: string;
            /**
             * @description Official commune code (5 digits, GET /api/v1/admin-units/provinces/{code}/communes); sets `commune` and `province`
             * @example 03334
             */
            communeCode?: string | null;
            /** @example chu.nhiem@htx-sengcu.vn */
            email: string;
            /** @example Lò Văn Minh */
            name?: string;
            /**
             * @description programme_office is refused (403 ORGANIZATION_KIND_NOT_ALLOWED): a platform operator creates programme offices
             * @default cooperative
             * @enum {string}
             */
            organizationKind: "cooperative" | "enterprise" | "household_business";
            /** @example HTX Nông nghiệp Séng Cù Mường Thanh */
            organizationName: string;
            /** @example mat-khau-an-toan */
            password: string;
            /** @example Điện Biên */
            province?: string;
            /**
             * @description Official province code (2 digits, GET /api/v1/admin-units/provinces); sets `province`
             * @example 11
             */
            provinceCode?: string | null;
        };
        SignupResponseDto: {
            accessToken: string;
            organization: components["schemas"]["OrganizationDto"];
            user: components["schemas"]["UserDto"];
        };
        SplitDto: {
            /**
             * @description Default: now
             * @example 2026-10-05T08:30:00+07:00
             */
            occurredAt?: string;
            parts: components["schemas"]["SplitPartDto"][];
        };
        SplitPartDto: {
            lotCode?: string;
            /**
             * @description Decimal, > 0, at most 6 decimals
             * @example 125.5
             */
            quantity: string | number;
            /**
             * @description Unknown units answer 422 UNIT_UNKNOWN
             * @example kg
             * @enum {string}
             */
            unit: "kg" | "t" | "g" | "l" | "ml" | "pcs" | "pack";
        };
        StatusChangeDto: {
            /**
             * Format: date-time
             * @description When the change was recorded
             */
            changedAt: string;
            /**
             * Format: uuid
             * @description User; null when made with an API key
             */
            changedBy: string | null;
            changedByName: string | null;
            /**
             * Format: date-time
             * @description When it took effect, if back-dated; null: at changedAt
             */
            effectiveAt: string | null;
            evidenceReference: string | null;
            /**
             * @description null for the registration
             * @enum {string|null}
             */
            fromStatus: "draft" | "active" | "suspended" | "revoked" | null;
            /** Format: uuid */
            id: string;
            reason: string;
            /** @enum {string} */
            toStatus: "draft" | "active" | "suspended" | "revoked";
        };
        StatusHistoryDto: {
            items: components["schemas"]["StatusChangeDto"][];
        };
        TraceDto: {
            /** @enum {string} */
            direction: "back" | "forward";
            edges: components["schemas"]["TraceEdgeDto"][];
            facilities: Record<string, never>[];
            /** @description Back: growing areas of the harvests */
            growingAreas: Record<string, never>[];
            /** @description Back: member households who harvested */
            households: Record<string, never>[];
            /** @description Back: input applications in the year before each harvest */
            inputApplications: Record<string, never>[];
            lotId: string;
            nodes: components["schemas"]["TraceNodeDto"][];
            /** @description Forward: partners shipped to */
            partners: Record<string, never>[];
            /** @description Forward: shipments out of the traced lots */
            shipments: Record<string, never>[];
            /** @description Back: where received lots came from */
            upstream: Record<string, never>[];
        };
        TraceEdgeDto: {
            childLotId: string;
            eventId: string;
            eventType: string;
            parentLotId: string;
            /** @description How much of the parent (in the parent’s unit) went into the child */
            quantity: string;
            unit: string;
        };
        TraceNodeDto: {
            code: string;
            consumed: string;
            expiresAt: string | null;
            facilityId: string | null;
            growingAreaId: string | null;
            householdPartnerId: string | null;
            id: string;
            /** @enum {string} */
            kind: "harvest" | "processed" | "packed" | "split" | "received";
            producedAt: string;
            product: components["schemas"]["LotProductRefDto"];
            quantity: string;
            shortCode: string;
            /** @enum {string} */
            status: "active" | "recalled" | "voided";
            unit: string;
            uri: string;
        };
        TransformDto: {
            documents?: components["schemas"]["EventDocumentDto"][];
            /** Format: uuid */
            facilityId?: string;
            /** @description Lots used and how much of each (mass balance is checked) */
            inputs: components["schemas"]["TransformInputLineDto"][];
            /**
             * @description ISO 8601; without an offset it is Vietnam time (+07:00)
             * @example 2026-10-05T08:30:00+07:00
             */
            occurredAt: string;
            /** @description Lots made */
            outputs: components["schemas"]["TransformOutputLineDto"][];
            /**
             * @description drying, milling, roasting, merging, packing…
             * @example milling
             */
            process: string;
        };
        TransformInputLineDto: {
            /** Format: uuid */
            lotId: string;
            /**
             * @description Decimal, > 0, at most 6 decimals
             * @example 125.5
             */
            quantity: string | number;
            /**
             * @description Unknown units answer 422 UNIT_UNKNOWN
             * @example kg
             * @enum {string}
             */
            unit: "kg" | "t" | "g" | "l" | "ml" | "pcs" | "pack";
        };
        TransformOutputLineDto: {
            displayName?: string;
            /**
             * @description Default: packed when the process is packing or the unit is pack/pcs
             * @enum {string}
             */
            kind?: "processed" | "packed";
            /** @example GNSC-2026-000042 */
            lotCode?: string;
            /** Format: uuid */
            productId: string;
            /**
             * @description Decimal, > 0, at most 6 decimals
             * @example 125.5
             */
            quantity: string | number;
            /**
             * @description Unknown units answer 422 UNIT_UNKNOWN
             * @example kg
             * @enum {string}
             */
            unit: "kg" | "t" | "g" | "l" | "ml" | "pcs" | "pack";
        };
        TransformResultDto: {
            event: components["schemas"]["EventDto"];
            outputs: components["schemas"]["LotDto"][];
        };
        UpdateCertificationDto: {
            /** @example https://ocop.example.vn/qd-1234.pdf */
            documentUrl?: string | null;
            /**
             * @description OCOP default: 36 months after issue; others: no expiry
             * @example 2028-06-20
             */
            expiresAt?: string | null;
            /**
             * @description Date (a date-time counts by its local date)
             * @example 2025-06-20
             */
            issuedAt?: string;
            /** @example UBND tỉnh Điện Biên */
            issuer?: string;
            /**
             * @description OCOP default: central for 5★, provincial for 3–4★
             * @enum {string|null}
             */
            issuingLevel?: "central" | "provincial" | "district" | null;
            /**
             * @example ocop
             * @enum {string}
             */
            kind?: "ocop" | "vietgap" | "globalgap" | "organic" | "haccp" | "other";
            /**
             * @description OCOP stars, 3 to 5 (required for OCOP; only OCOP has a level)
             * @example 4
             */
            level?: number | null;
            /**
             * @description Certificate or decision number
             * @example 1234/QĐ-UBND
             */
            number?: string;
            /**
             * Format: uuid
             * @description The product, growing area or facility of your organization, or your organization id
             */
            scopeId?: string;
            /**
             * @example product
             * @enum {string}
             */
            scopeType?: "product" | "growing_area" | "facility" | "organization";
        };
        UpdateFacilityDto: {
            /** @example Bản Co Mỵ, xã Thanh Xương, huyện Điện Biên */
            address?: string | null;
            /**
             * @description Official code, e.g. a packing house’s mã số cơ sở đóng gói
             * @example VNDB-PH-0003
             */
            code?: string | null;
            /** @example Chi cục Trồng trọt và Bảo vệ thực vật tỉnh Điện Biên */
            codeIssuer?: string | null;
            /**
             * @description Status of the code; active when a code is given without one
             * @enum {string|null}
             */
            codeStatus?: "active" | "suspended" | "revoked" | null;
            /** @example Thanh Xương */
            commune?: string | null;
            /**
             * @description Official commune code (5 digits, GET /api/v1/admin-units/provinces/{code}/communes); sets `commune` and `province`
             * @example 03334
             */
            communeCode?: string | null;
            /** @description GS1 GLN, 13 digits; the check digit is verified */
            gln?: string | null;
            /**
             * @example packing_house
             * @enum {string}
             */
            kind?: "processing_plant" | "packing_house" | "warehouse";
            /**
             * @description GeoJSON Point in WGS 84, [longitude, latitude]
             * @example {
             *       "type": "Point",
             *       "coordinates": [
             *         103.0187,
             *         21.3702
             *       ]
             *     }
             */
            location?: {
                [key: string]: unknown;
            } | null;
            /** @example Nhà sơ chế đóng gói HTX Séng Cù */
            name?: string;
            /** @example Điện Biên */
            province?: string | null;
            /**
             * @description Official province code (2 digits, GET /api/v1/admin-units/provinces); sets `province`
             * @example 11
             */
            provinceCode?: string | null;
        };
        UpdateGrowingAreaDto: {
            /**
             * @description Hectares, > 0
             * @example 12.5
             */
            areaHa?: string | number;
            /**
             * @description Official code (mã số vùng trồng), opaque; unique per issuer across the platform
             * @example VN-DBIH-0012
             */
            code?: string;
            /** @example Thanh Xương */
            commune?: string | null;
            /**
             * @description Official commune code (5 digits, GET /api/v1/admin-units/provinces/{code}/communes); sets `commune` and `province`
             * @example 03334
             */
            communeCode?: string | null;
            /**
             * @description Crop key: rice (Lúa tẻ), sticky_rice (Lúa nếp), tea (Chè (búp tươi)), coffee (Cà phê (quả tươi)), pomelo (Bưởi), docynia (Táo mèo), cardamom (Thảo quả (quả tươi)), macadamia (Mắc ca), honey (Mật ong), fruit (Cây ăn quả khác); or your own key once it has a limit (PUT /api/v1/crop-yield-limits/{crop})
             * @example sticky_rice
             */
            crop?: string;
            /**
             * @description Expected harvest per season, tonnes
             * @example 75
             */
            expectedYieldT?: (string | number) | null;
            /**
             * @description Date the code was issued
             * @example 2024-05-20
             */
            issuedAt?: string | null;
            /** @example Chi cục Trồng trọt và Bảo vệ thực vật tỉnh Điện Biên */
            issuer?: string | null;
            /**
             * @description GeoJSON Point, Polygon or MultiPolygon in WGS 84 ([longitude, latitude]); rings must be closed
             * @example {
             *       "type": "Point",
             *       "coordinates": [
             *         103.0187,
             *         21.3702
             *       ]
             *     }
             */
            location?: {
                [key: string]: unknown;
            } | null;
            /**
             * @description This area’s own maximum yield, t/ha per season (admins only); else the organization’s or the default for the crop
             * @example 6.5
             */
            maxYieldTPerHa?: (string | number) | null;
            /** @example Cánh đồng Mường Thanh – bản Co Mỵ */
            name?: string;
            /** @description Partner ids (member households) owning or farming it */
            ownerPartnerIds?: string[] | null;
            /**
             * @description Required unless provinceCode or communeCode names the place
             * @example Điện Biên
             */
            province?: string;
            /**
             * @description Official province code (2 digits, GET /api/v1/admin-units/provinces); sets `province`
             * @example 11
             */
            provinceCode?: string | null;
            /** @example VietGAP */
            standard?: string | null;
            /**
             * @example [
             *       "VN",
             *       "EU"
             *     ]
             */
            targetMarkets?: string[] | null;
            /** @example Séng Cù */
            variety?: string | null;
        };
        UpdateOrganizationDto: {
            /** @example Bản Co Mỵ, xã Thanh Xương */
            address?: string | null;
            /** @example Thanh Xương */
            commune?: string | null;
            /**
             * @description Official commune code (5 digits, GET /api/v1/admin-units/provinces/{code}/communes); sets `commune` and `province`
             * @example 03334
             */
            communeCode?: string | null;
            /**
             * @description GS1 GLN, 13 digits; the check digit is verified
             * @example 8934567000017
             */
            gln?: string | null;
            /**
             * @description GS1 company prefix, 6–12 digits (EPCIS writes your GTINs and GLNs as EPC URNs with it)
             * @example 893456700
             */
            gs1CompanyPrefix?: string | null;
            /** @example 0215 3825 123 */
            phone?: string | null;
            /** @example Điện Biên */
            province?: string | null;
            /**
             * @description Official province code (2 digits, GET /api/v1/admin-units/provinces); sets `province`
             * @example 11
             */
            provinceCode?: string | null;
        };
        UpdatePartnerDto: {
            /** @example Bản Co Mỵ, xã Thanh Xương, huyện Điện Biên */
            address?: string | null;
            /**
             * @description Citizen id (CCCD, 12 digits; old CMND, 9). Private: returned to your own organization only, never on public pages.
             * @example 011090001234
             */
            citizenId?: string | null;
            /** @example Thanh Xương */
            commune?: string | null;
            /**
             * @description Official commune code (5 digits, GET /api/v1/admin-units/provinces/{code}/communes); sets `commune` and `province`
             * @example 03334
             */
            communeCode?: string | null;
            /**
             * @description ISO 3166-1 alpha-2 country code; empty means Vietnam (VN)
             * @example US
             */
            country?: string | null;
            /**
             * @description GS1 GLN, 13 digits; the check digit is verified
             * @example 8934567000017
             */
            gln?: string | null;
            /**
             * @example member_household
             * @enum {string}
             */
            kind?: "member_household" | "collector" | "processor" | "packer" | "distributor" | "retailer" | "transporter" | "lab";
            /**
             * Format: uuid
             * @description The partner’s own organization on this platform, if it has one. Naming it asks that organization to accept your shipments (a trade link, see /api/v1/organization-links); shipping to this partner answers 403 PARTNER_LINK_NOT_CONFIRMED until it does
             */
            linkedOrganizationId?: string | null;
            /** @example Hộ Lò Văn Panh */
            name?: string;
            /** @description Private: returned to your own organization only, never on public pages. */
            notes?: string | null;
            /**
             * @description Private: returned to your own organization only, never on public pages.
             * @example 0912 345 678
             */
            phone?: string | null;
            /** @example Điện Biên */
            province?: string | null;
            /**
             * @description Official province code (2 digits, GET /api/v1/admin-units/provinces); sets `province`
             * @example 11
             */
            provinceCode?: string | null;
            /**
             * @description Tax code (MST: 10 digits, branch -XXX, or 12). Private: returned to your own organization only, never on public pages.
             * @example 5600123456
             */
            taxCode?: string | null;
        };
        UpdateProductDto: {
            /** @example Séng Cù Mường Thanh */
            brand?: string | null;
            description?: string | null;
            /**
             * @description GTIN-8, -12, -13 or -14 (spaces allowed); stored as 14 digits; check digit verified; unique across the platform
             * @example 8936049120016
             */
            gtin?: string | null;
            /** @example https://example.vn/seng-cu.jpg */
            imageUrl?: string | null;
            /** @example Dien Bien Seng Cu sticky rice */
            nameEn?: string | null;
            /** @example Gạo nếp Séng Cù Điện Biên */
            nameVi?: string;
            /**
             * @description Net content of one piece or pack (> 0)
             * @example 2
             */
            netContent?: (string | number) | null;
            /**
             * @example kg
             * @enum {string|null}
             */
            netContentUnit?: "kg" | "t" | "g" | "l" | "ml" | "pcs" | null;
            /** @description OCOP product group (Decision 148/QĐ-TTg): 1 Thực phẩm; 2 Đồ uống; 3 Thảo dược; 4 Vải và may mặc; 5 Lưu niệm – nội thất – trang trí; 6 Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch */
            ocopGroup?: number | null;
            /** @example 365 */
            shelfLifeDays?: number | null;
            /**
             * @description Standards and regulations applied
             * @example [
             *       "TCVN 11888:2017",
             *       "VietGAP"
             *     ]
             */
            standards?: string[] | null;
            /**
             * @description Default unit of this product’s lots
             * @example kg
             * @enum {string}
             */
            unit?: "kg" | "t" | "g" | "l" | "ml" | "pcs" | "pack";
        };
        UpdatePublicProfileDto: {
            /** @description Where to buy: shop pages, social pages (8 at most) */
            links?: components["schemas"]["PublicLinkDto"][] | null;
            /**
             * @description Appear in the province’s OCOP catalogue (off by default)
             * @example true
             */
            listed?: boolean;
            /** @example lienhe@htx.vn */
            publicEmail?: string | null;
            /**
             * @description Shown to the public: the shop’s or homestay’s number, not a member’s
             * @example 0912 345 678
             */
            publicPhone?: string | null;
            storyEn?: string | null;
            /** @example Hợp tác xã trồng chè Shan tuyết cổ thụ trên núi Tủa Chùa… */
            storyVi?: string | null;
            visitInfoEn?: string | null;
            /** @example Mở cửa 8:00–17:00, đặt trước qua điện thoại. */
            visitInfoVi?: string | null;
            /** @example https://htx.vn */
            website?: string | null;
            /**
             * @description A village or homestay that welcomes visitors (community tourism)
             * @example false
             */
            welcomesVisitors?: boolean;
        };
        UpdateUserDto: {
            name?: string | null;
            /**
             * @description Not above your own role; the last active owner keeps theirs. Ends the user’s sessions.
             * @enum {string}
             */
            role?: "owner" | "admin" | "recorder" | "viewer";
        };
        UserDto: {
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description Set while the user is deactivated (cannot log in)
             */
            deactivatedAt?: string | null;
            email: string;
            id: string;
            name?: string | null;
            organizationId: string;
            /** @enum {string} */
            role: "owner" | "admin" | "recorder" | "viewer";
        };
        UserListDto: {
            items: components["schemas"]["UserDto"][];
            total: number;
        };
        VoidDto: {
            /** @example Nhập nhầm khối lượng */
            reason: string;
        };
        VoidedByDto: {
            eventId: string;
            reason: string | null;
            recordTime: string;
        };
        VoidInputApplicationDto: {
            /** @example Ghi nhầm liều lượng */
            reason: string;
        };
        VoidResultDto: {
            /** @description The void event */
            event: components["schemas"]["EventDto"];
            /** @description The voided event, as it now reads */
            voided: components["schemas"]["EventDto"];
        };
        YieldOverrideDto: {
            areaHa: string;
            eventId: string;
            growingArea: components["schemas"]["LotAreaRefDto"] | null;
            harvestedAt: string;
            limitT: string;
            lot: {
                [key: string]: unknown;
            };
            maxYieldTPerHa: string;
            organization: components["schemas"]["LotRefDto"];
            reason: string;
            recordedAt: string;
            recordedBy: string | null;
            /** @example 2026 */
            season: string;
            seasonTotalT: string;
            voided: boolean;
        };
        YieldOverrideListDto: {
            items: components["schemas"]["YieldOverrideDto"][];
            nextCursor?: string | null;
            /** @description How many match: counted with `?total=true`; without it given only when the whole list fits on the first page, otherwise null */
            total: number | null;
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
    ResolverController_description: {
        parameters: {
            query?: never;
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
                content?: never;
            };
        };
    };
    "ResolverController_resolve[0]": {
        parameters: {
            query?: never;
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
                content?: never;
            };
        };
    };
    AdminUnitsController_provinces: {
        parameters: {
            query?: never;
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
                    "application/json": components["schemas"]["ProvinceDto"][];
                };
            };
        };
    };
    AdminUnitsController_communes: {
        parameters: {
            query?: {
                /** @description Part of the name, diacritics optional ("muong thanh") */
                q?: string;
            };
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommuneDto"][];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AccountController_apiKeys: {
        parameters: {
            query?: never;
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
                    "application/json": components["schemas"]["ApiKeyListDto"];
                };
            };
        };
    };
    AccountController_createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKeyDto"];
                };
            };
        };
    };
    AccountController_revokeApiKey: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyDto"];
                };
            };
        };
    };
    AuditController_verify: {
        parameters: {
            query?: never;
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
                    "application/json": components["schemas"]["AuditVerifyDto"];
                };
            };
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerifyJobDto"];
                };
            };
        };
    };
    AuditController_queueVerify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerifyJobDto"];
                };
            };
        };
    };
    AuditController_verifyJobState: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerifyJobDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuthController_forgotPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ForgotPasswordDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptedDto"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponseDto"];
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
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetPasswordDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_signup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignupDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignupResponseDto"];
                };
            };
        };
    };
    CertificationsController_list: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page (same sort and filters) */
                cursor?: string;
                kind?: "ocop" | "vietgap" | "globalgap" | "organic" | "haccp" | "other";
                limit?: number;
                /** @description Diacritic-insensitive search; every word must match ("dien bien" finds "Điện Biên") */
                q?: string;
                scopeId?: string;
                scopeType?: "product" | "growing_area" | "facility" | "organization";
                sort?: "issuedAt" | "-issuedAt" | "createdAt" | "-createdAt";
                /** @description Validity today */
                status?: "valid" | "expired" | "not_yet_valid";
                /** @description Count every match into `total` (one more query, whose cost grows with the organization). Without it, `total` is given only when the whole list fits on the first page, and is null otherwise. */
                total?: boolean;
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
                    "application/json": components["schemas"]["CertificationPageDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CertificationsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCertificationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificationDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CertificationsController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificationDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CertificationsController_update: {
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
                "application/json": components["schemas"]["UpdateCertificationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificationDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    CropYieldLimitsController_list: {
        parameters: {
            query?: never;
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
                    "application/json": components["schemas"]["CropYieldLimitListDto"];
                };
            };
        };
    };
    CropYieldLimitsController_set: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                crop: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetCropYieldLimitDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CropYieldLimitDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    EpcisCaptureController_list: {
        parameters: {
            query?: {
                limit?: number;
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
                    "application/json": components["schemas"]["CaptureJobListDto"];
                };
            };
        };
    };
    EpcisCaptureController_capture: {
        parameters: {
            query?: never;
            header?: {
                "GS1-Capture-Error-Behaviour"?: "rollback" | "proceed";
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaptureJobDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Error */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    EpcisCaptureController_options: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EpcisCaptureController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaptureJobDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    EpcisController_events: {
        parameters: {
            query?: {
                /** @description Bare CBV step or its URN/URI form, comma-separated or repeated */
                EQ_bizStep?: string;
                eventType?: string;
                GE_eventTime?: string;
                LT_eventTime?: string;
                /** @description Lot URIs (Digital Link or short URL), comma-separated or repeated */
                MATCH_anyEPCClass?: string;
                /** @description From the Link rel="next" header of the previous page */
                nextPageToken?: string;
                perPage?: number;
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
                    "application/ld+json": Record<string, never>;
                };
            };
        };
    };
    EventsController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventDto"];
                };
            };
        };
    };
    EventsController_voidEvent: {
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
                "application/json": components["schemas"]["VoidDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoidResultDto"];
                };
            };
        };
    };
    FacilitiesController_list: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page (same sort and filters) */
                cursor?: string;
                kind?: "processing_plant" | "packing_house" | "warehouse";
                limit?: number;
                /** @description Diacritic-insensitive search; every word must match ("dien bien" finds "Điện Biên") */
                q?: string;
                sort?: "name" | "-name" | "createdAt" | "-createdAt";
                /** @description Count every match into `total` (one more query, whose cost grows with the organization). Without it, `total` is given only when the whole list fits on the first page, and is null otherwise. */
                total?: boolean;
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
                    "application/json": components["schemas"]["FacilityPageDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    FacilitiesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateFacilityDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FacilityDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    FacilitiesController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FacilityDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    FacilitiesController_update: {
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
                "application/json": components["schemas"]["UpdateFacilityDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FacilityDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    GrowingAreasController_list: {
        parameters: {
            query?: {
                crop?: string;
                /** @description The nextCursor of the previous page (same sort and filters) */
                cursor?: string;
                limit?: number;
                /** @description Diacritic-insensitive search; every word must match ("dien bien" finds "Điện Biên") */
                q?: string;
                sort?: "name" | "-name" | "createdAt" | "-createdAt" | "code" | "-code";
                status?: "draft" | "active" | "suspended" | "revoked";
                /** @description Count every match into `total` (one more query, whose cost grows with the organization). Without it, `total` is given only when the whole list fits on the first page, and is null otherwise. */
                total?: boolean;
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
                    "application/json": components["schemas"]["GrowingAreaPageDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    GrowingAreasController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateGrowingAreaDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrowingAreaDetailDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Conflict with an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    GrowingAreasController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrowingAreaDetailDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    GrowingAreasController_update: {
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
                "application/json": components["schemas"]["UpdateGrowingAreaDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrowingAreaDetailDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Conflict with an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    GrowingAreasController_harvestWindow: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HarvestWindowDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    GrowingAreasController_listInputs: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                sort?: "appliedAt" | "-appliedAt" | "createdAt" | "-createdAt";
                /** @description Count every match into `total` (one more query, whose cost grows with the organization). Without it, `total` is given only when the whole list fits on the first page, and is null otherwise. */
                total?: boolean;
                /** @description true: voided only; false: in force only; absent: all */
                voided?: boolean;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InputApplicationPageDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    GrowingAreasController_createInput: {
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
                "application/json": components["schemas"]["CreateInputApplicationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InputApplicationDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    GrowingAreasController_voidInput: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                inputId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VoidInputApplicationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InputApplicationDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Conflict with an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    EvidencePhotosController_areaPhotos: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidencePhotoListDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    EvidencePhotosController_addAreaPhoto: {
        parameters: {
            query?: {
                /** @description What the photo shows (200 characters at most) */
                caption?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description The photo’s bytes (JPEG, PNG, WebP, HEIC, AVIF; 12 MB at most), from the phone’s camera or a file */
        requestBody: {
            content: {
                "image/avif": string;
                "image/heic": string;
                "image/heif": string;
                "image/jpeg": string;
                "image/png": string;
                "image/webp": string;
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidencePhotoDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    EvidencePhotosController_areaPhotoImage: {
        parameters: {
            query?: {
                /** @description `thumb`: the 192 px thumbnail */
                size?: "full" | "thumb";
            };
            header?: never;
            path: {
                id: string;
                photoId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/webp": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/webp": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    GrowingAreasController_changeStatus: {
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
                "application/json": components["schemas"]["ChangeStatusDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrowingAreaDetailDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    GrowingAreasController_statusHistory: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusHistoryDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ImportsController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ImportsController_annotated: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ImportsController_commit: {
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
                "application/json": components["schemas"]["CommitImportDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ImportsController_upload: {
        parameters: {
            query?: {
                /** @description The file’s name as the clerk chose it (kept for the annotated file); its extension helps tell CSV from XLSX */
                fileName?: string;
            };
            header?: never;
            path: {
                kind: "partners" | "growing-areas" | "products" | "facilities" | "certifications" | "input-applications" | "harvests" | "processing";
            };
            cookie?: never;
        };
        /** @description The file’s bytes */
        requestBody: {
            content: {
                "application/octet-stream": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "text/csv": string;
                "text/tab-separated-values": string;
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ImportsController_list: {
        parameters: {
            query?: never;
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
                    "application/json": components["schemas"]["ImportKindDto"][];
                };
            };
        };
    };
    ImportsController_template: {
        parameters: {
            query?: {
                /** @description Language of the headers and allowed values */
                lang?: "vi" | "en";
            };
            header?: never;
            path: {
                kind: "partners" | "growing-areas" | "products" | "facilities" | "certifications" | "input-applications" | "harvests" | "processing";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    LabelJobsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateLabelJobDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LabelJobDto"];
                };
            };
            /** @description LOT_NOT_FOUND (also for another organization’s lot) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description LABEL_TEMPLATE_UNKNOWN, LABEL_COUNT_INVALID, LABEL_COUNT_TOO_LARGE, LABEL_START_POSITION_OUT_OF_RANGE, LABEL_OFFSET_OUT_OF_RANGE, LABEL_PAYLOAD_TOO_LONG, LOT_RECALLED, LOT_VOIDED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LabelJobsController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LabelJobDto"];
                };
            };
        };
    };
    LabelJobsController_pdf: {
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
            /** @description The rendered labels */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description LABEL_JOB_NOT_READY before the job is done; LABEL_JOB_FAILED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LabelJobsController_preview: {
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
            /** @description One label (the first serial) on a page of the label’s size, with its outline */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LabelJobsController_templates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Page and label geometry in millimetres */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LabelTemplateDto"][];
                };
            };
        };
    };
    LotsController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                growingAreaId?: string;
                kind?: "harvest" | "processed" | "packed" | "split" | "received";
                limit?: number;
                productId?: string;
                /** @description The same as `search`, under the name every registry list uses (the console sends `q`); `search` wins when both are given */
                q?: string;
                /** @description Part of a lot code, any case */
                search?: string;
                status?: "active" | "recalled" | "voided";
                /** @description Count every match into `total` (one more query, whose cost grows with the organization). Without it, `total` is given only when the whole list fits on the first page, and is null otherwise. */
                total?: boolean;
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
                    "application/json": components["schemas"]["LotListDto"];
                };
            };
        };
    };
    LotsController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LotDto"];
                };
            };
        };
    };
    LotsController_events: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventListDto"];
                };
            };
        };
    };
    LotsController_inspect: {
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
                "application/json": components["schemas"]["InspectDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventResultDto"];
                };
            };
        };
    };
    LabelJobsController_listForLot: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LabelJobListDto"];
                };
            };
        };
    };
    EvidencePhotosController_lotPhotos: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidencePhotoListDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    EvidencePhotosController_addLotPhoto: {
        parameters: {
            query?: {
                /** @description What the photo shows (200 characters at most) */
                caption?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description The photo’s bytes (JPEG, PNG, WebP, HEIC, AVIF; 12 MB at most), from the phone’s camera or a file */
        requestBody: {
            content: {
                "image/avif": string;
                "image/heic": string;
                "image/heif": string;
                "image/jpeg": string;
                "image/png": string;
                "image/webp": string;
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidencePhotoDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    EvidencePhotosController_lotPhotoImage: {
        parameters: {
            query?: {
                /** @description `thumb`: the 192 px thumbnail */
                size?: "full" | "thumb";
            };
            header?: never;
            path: {
                id: string;
                photoId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/webp": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/webp": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    LotScansController_scans: {
        parameters: {
            query?: {
                /** @description 1–366, default 30 */
                days?: string;
                /** @description 1–100, default 10 */
                top?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LotsController_ship: {
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
                "application/json": components["schemas"]["ShipDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShipResultDto"];
                };
            };
        };
    };
    LotsController_split: {
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
                "application/json": components["schemas"]["SplitDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransformResultDto"];
                };
            };
        };
    };
    LotsController_trace: {
        parameters: {
            query?: {
                direction?: "back" | "forward";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TraceDto"];
                };
            };
        };
    };
    LotsController_traceCsv: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LotsController_traceXlsx: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LotsController_harvest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HarvestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LotDto"];
                };
            };
        };
    };
    LotsController_transform: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransformDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransformResultDto"];
                };
            };
        };
    };
    AccountController_me: {
        parameters: {
            query?: never;
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
                content?: never;
            };
        };
    };
    AccountController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrganizationController_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOrganizationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationProfileDto"];
                };
            };
        };
    };
    OrganizationLinksController_list: {
        parameters: {
            query?: {
                kind?: "oversight" | "trade";
                status?: "pending" | "active" | "declined" | "ended";
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
                    "application/json": components["schemas"]["OrganizationLinkListDto"];
                };
            };
        };
    };
    OrganizationLinksController_request: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrganizationLinkDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationLinkDto"];
                };
            };
        };
    };
    OrganizationLinksController_accept: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationLinkDto"];
                };
            };
        };
    };
    OrganizationLinksController_decline: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationLinkDto"];
                };
            };
        };
    };
    OrganizationLinksController_end: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationLinkDto"];
                };
            };
        };
    };
    OrganizationLinksController_candidates: {
        parameters: {
            query?: never;
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
                    "application/json": components["schemas"]["OrganizationSummaryListDto"];
                };
            };
        };
    };
    PublicProfileController_get: {
        parameters: {
            query?: never;
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
                    "application/json": components["schemas"]["PublicProfileDto"];
                };
            };
        };
    };
    PublicProfileController_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePublicProfileDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicProfileDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PublicProfileController_addPhoto: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The photo’s bytes (JPEG, PNG, WebP, HEIC, AVIF; 12 MB at most) */
        requestBody: {
            content: {
                "image/avif": string;
                "image/heic": string;
                "image/heif": string;
                "image/jpeg": string;
                "image/png": string;
                "image/webp": string;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicProfileDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PublicProfileController_removePhoto: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                photoKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicProfileDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PublicProfileController_createPoster: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePosterDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PosterDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PublicProfileController_poster: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                posterId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PosterDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PublicProfileController_posterPdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                posterId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AccountController_organizations: {
        parameters: {
            query?: never;
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
                    "application/json": components["schemas"]["OrganizationDto"][];
                };
            };
        };
    };
    PartnersController_list: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page (same sort and filters) */
                cursor?: string;
                kind?: "member_household" | "collector" | "processor" | "packer" | "distributor" | "retailer" | "transporter" | "lab";
                limit?: number;
                /** @description Diacritic-insensitive search; every word must match ("dien bien" finds "Điện Biên") */
                q?: string;
                sort?: "name" | "-name" | "createdAt" | "-createdAt";
                /** @description Count every match into `total` (one more query, whose cost grows with the organization). Without it, `total` is given only when the whole list fits on the first page, and is null otherwise. */
                total?: boolean;
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
                    "application/json": components["schemas"]["PartnerPageDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PartnersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePartnerDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PartnersController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PartnersController_update: {
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
                "application/json": components["schemas"]["UpdatePartnerDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnerDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProductsController_list: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page (same sort and filters) */
                cursor?: string;
                limit?: number;
                ocopGroup?: number;
                /** @description Diacritic-insensitive search; every word must match ("dien bien" finds "Điện Biên") */
                q?: string;
                sort?: "name" | "-name" | "createdAt" | "-createdAt";
                /** @description Count every match into `total` (one more query, whose cost grows with the organization). Without it, `total` is given only when the whole list fits on the first page, and is null otherwise. */
                total?: boolean;
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
                    "application/json": components["schemas"]["ProductPageDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProductsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProductDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Conflict with an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProductsController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProductsController_update: {
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
                "application/json": components["schemas"]["UpdateProductDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Conflict with an existing record */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PublicProfileController_productPhoto: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductPhotoDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PublicProfileController_setProductPhoto: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description The photo’s bytes (JPEG, PNG, WebP, HEIC, AVIF; 12 MB at most) */
        requestBody: {
            content: {
                "image/avif": string;
                "image/heic": string;
                "image/heif": string;
                "image/jpeg": string;
                "image/png": string;
                "image/webp": string;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductPhotoDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    PublicProfileController_removeProductPhoto: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductPhotoDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProgrammeController_alertsOfDay: {
        parameters: {
            query?: {
                /** @description Local day (default: today); the answer is the last computed day on or before it */
                day?: string;
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
                    "application/json": components["schemas"]["ProgrammeAlertsDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PROGRAMME_OFFICE_ONLY: the caller is not a confirmed programme office */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProgrammeController_certificates: {
        parameters: {
            query?: {
                /** @description Only cooperatives registered in this commune (official code) */
                communeCode?: string;
                /** @description First local day of the period (default: 1 January of `to`’s year) */
                from?: string;
                /** @description OCOP product group: 1 food, 2 beverages, 3 herbs, 4 textiles, 5 handicrafts, 6 rural tourism */
                ocopGroup?: "1" | "2" | "3" | "4" | "5" | "6";
                /** @description Only this overseen cooperative (another answers 404) */
                organizationId?: string;
                state?: "valid" | "expiring90" | "expiring30" | "expired";
                /** @description Last local day of the period, inclusive (default: today); certificates are judged as of this day */
                to?: string;
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
                    "application/json": components["schemas"]["ProgrammeItemsDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PROGRAMME_OFFICE_ONLY: the caller is not a confirmed programme office */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProgrammeController_cooperatives: {
        parameters: {
            query?: {
                /** @description Only cooperatives registered in this commune (official code) */
                communeCode?: string;
                /** @description First local day of the period (default: 1 January of `to`’s year) */
                from?: string;
                /** @description OCOP product group: 1 food, 2 beverages, 3 herbs, 4 textiles, 5 handicrafts, 6 rural tourism */
                ocopGroup?: "1" | "2" | "3" | "4" | "5" | "6";
                /** @description Only this overseen cooperative (another answers 404) */
                organizationId?: string;
                /** @description Last local day of the period, inclusive (default: today); certificates are judged as of this day */
                to?: string;
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
                    "application/json": components["schemas"]["ProgrammeItemsDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PROGRAMME_OFFICE_ONLY: the caller is not a confirmed programme office */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProgrammeController_cooperative: {
        parameters: {
            query?: {
                /** @description Only cooperatives registered in this commune (official code) */
                communeCode?: string;
                /** @description First local day of the period (default: 1 January of `to`’s year) */
                from?: string;
                /** @description OCOP product group: 1 food, 2 beverages, 3 herbs, 4 textiles, 5 handicrafts, 6 rural tourism */
                ocopGroup?: "1" | "2" | "3" | "4" | "5" | "6";
                /** @description Only this overseen cooperative (another answers 404) */
                organizationId?: string;
                /** @description Last local day of the period, inclusive (default: today); certificates are judged as of this day */
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PROGRAMME_OFFICE_ONLY: the caller is not a confirmed programme office */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProgrammeController_lots: {
        parameters: {
            query?: {
                /** @description Only cooperatives registered in this commune (official code) */
                communeCode?: string;
                /** @description First local day of the period (default: 1 January of `to`’s year) */
                from?: string;
                /** @description 1 to 200 */
                limit?: string;
                /** @description OCOP product group: 1 food, 2 beverages, 3 herbs, 4 textiles, 5 handicrafts, 6 rural tourism */
                ocopGroup?: "1" | "2" | "3" | "4" | "5" | "6";
                offset?: string;
                /** @description Only this overseen cooperative (another answers 404) */
                organizationId?: string;
                /** @description Last local day of the period, inclusive (default: today); certificates are judged as of this day */
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgrammeItemsDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PROGRAMME_OFFICE_ONLY: the caller is not a confirmed programme office */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProgrammeController_coverage: {
        parameters: {
            query?: {
                /** @description Only cooperatives registered in this commune (official code) */
                communeCode?: string;
                /** @description First local day of the period (default: 1 January of `to`’s year) */
                from?: string;
                /** @description OCOP product group: 1 food, 2 beverages, 3 herbs, 4 textiles, 5 handicrafts, 6 rural tourism */
                ocopGroup?: "1" | "2" | "3" | "4" | "5" | "6";
                /** @description Only this overseen cooperative (another answers 404) */
                organizationId?: string;
                /** @description Last local day of the period, inclusive (default: today); certificates are judged as of this day */
                to?: string;
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
                    "application/json": components["schemas"]["ProgrammeItemsDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PROGRAMME_OFFICE_ONLY: the caller is not a confirmed programme office */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProgrammeController_dashboard: {
        parameters: {
            query?: {
                /** @description Only cooperatives registered in this commune (official code) */
                communeCode?: string;
                /** @description First local day of the period (default: 1 January of `to`’s year) */
                from?: string;
                /** @description OCOP product group: 1 food, 2 beverages, 3 herbs, 4 textiles, 5 handicrafts, 6 rural tourism */
                ocopGroup?: "1" | "2" | "3" | "4" | "5" | "6";
                /** @description Only this overseen cooperative (another answers 404) */
                organizationId?: string;
                /** @description Last local day of the period, inclusive (default: today); certificates are judged as of this day */
                to?: string;
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
                    "application/json": components["schemas"]["ProgrammeDashboardDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PROGRAMME_OFFICE_ONLY: the caller is not a confirmed programme office */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProgrammeController_growingAreas: {
        parameters: {
            query?: {
                /** @description Only cooperatives registered in this commune (official code) */
                communeCode?: string;
                /** @description First local day of the period (default: 1 January of `to`’s year) */
                from?: string;
                /** @description OCOP product group: 1 food, 2 beverages, 3 herbs, 4 textiles, 5 handicrafts, 6 rural tourism */
                ocopGroup?: "1" | "2" | "3" | "4" | "5" | "6";
                /** @description Only this overseen cooperative (another answers 404) */
                organizationId?: string;
                /** @description Last local day of the period, inclusive (default: today); certificates are judged as of this day */
                to?: string;
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
                    "application/json": components["schemas"]["ProgrammeItemsDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PROGRAMME_OFFICE_ONLY: the caller is not a confirmed programme office */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProgrammeController_map: {
        parameters: {
            query?: {
                /** @description Only cooperatives registered in this commune (official code) */
                communeCode?: string;
                /** @description First local day of the period (default: 1 January of `to`’s year) */
                from?: string;
                /** @description OCOP product group: 1 food, 2 beverages, 3 herbs, 4 textiles, 5 handicrafts, 6 rural tourism */
                ocopGroup?: "1" | "2" | "3" | "4" | "5" | "6";
                /** @description Only this overseen cooperative (another answers 404) */
                organizationId?: string;
                /** @description Last local day of the period, inclusive (default: today); certificates are judged as of this day */
                to?: string;
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
                    "application/json": components["schemas"]["ProgrammeMapDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PROGRAMME_OFFICE_ONLY: the caller is not a confirmed programme office */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProgrammeReportsController_list: {
        parameters: {
            query?: never;
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
                    "application/json": components["schemas"]["ProgrammeReportsDto"];
                };
            };
            /** @description PROGRAMME_OFFICE_ONLY: the caller is not a confirmed programme office */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ProgrammeReportsController_request: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProgrammeReportRequestDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgrammeReportDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PROGRAMME_OFFICE_ONLY: the caller is not a confirmed programme office */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProgrammeReportsController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgrammeReportDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description PROGRAMME_OFFICE_ONLY: the caller is not a confirmed programme office */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    ProgrammeReportsController_pdf: {
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
            /** @description The report as an A4 PDF in Vietnamese */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorDto"];
                };
            };
            /** @description REPORT_NOT_READY before the report is done */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ProgrammeReportsController_xlsx: {
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
            /** @description The report as a workbook: one sheet per table, Vietnamese headers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorDto"];
                };
            };
            /** @description REPORT_NOT_READY before the report is done */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RecallsController_queue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecallDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecallJobDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RecallsController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecallJobDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    RecallsController_recall: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecallDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecallResultDto"];
                };
            };
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecallJobDto"];
                };
            };
        };
    };
    RecallAcknowledgementsController_acknowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                recallId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecallAcknowledgementDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecallAcknowledgementResultDto"];
                };
            };
            /** @description Malformed input (VALIDATION_FAILED, INVALID_ID, …): the field is named in details.field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Not found, or another organization’s */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Breaks a rule: a specific code names the rule and details.field the field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    AuditController_yieldOverrides: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                /** @description Count every match into `total` (one more query, whose cost grows with the organization). Without it, `total` is given only when the whole list fits on the first page, and is null otherwise. */
                total?: boolean;
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
                    "application/json": components["schemas"]["YieldOverrideListDto"];
                };
            };
        };
    };
    ShipmentsController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description incoming: sent to you by organizations on the platform */
                direction?: "incoming" | "outgoing";
                limit?: number;
                lotId?: string;
                status?: "in_transit" | "received" | "cancelled";
                /** @description Count every match into `total` (one more query, whose cost grows with the organization). Without it, `total` is given only when the whole list fits on the first page, and is null otherwise. */
                total?: boolean;
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
                    "application/json": components["schemas"]["ShipmentListDto"];
                };
            };
        };
    };
    ShipmentsController_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShipmentDto"];
                };
            };
        };
    };
    ShipmentsController_receive: {
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
                "application/json": components["schemas"]["ReceiveDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiveResultDto"];
                };
            };
        };
    };
    AccountController_listUsers: {
        parameters: {
            query?: never;
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
                    "application/json": components["schemas"]["UserListDto"];
                };
            };
        };
    };
    AccountController_createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedUserDto"];
                };
            };
        };
    };
    AccountController_removeUser: {
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
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccountController_updateUser: {
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
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
        };
    };
    AccountController_deactivateUser: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
        };
    };
    AccountController_issuePasswordReset: {
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
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordLinkDto"];
                };
            };
        };
    };
    AccountController_reactivateUser: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "ResolverController_resolve[1]": {
        parameters: {
            query?: never;
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
                content?: never;
            };
        };
    };
    EpcisVocabularyController_vocabulary: {
        parameters: {
            query?: never;
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
                content?: never;
            };
        };
    };
    ShowcaseController_catalogue: {
        parameters: {
            query?: {
                /** @description Commune code (5 digits) */
                commune?: unknown;
                /** @description OCOP product group 1–6 */
                group?: unknown;
                lang?: "vi" | "en";
                page?: unknown;
                /** @description Search (diacritic-insensitive) in names, producers and communes */
                q?: unknown;
                /** @description At least this many stars (3–5) */
                stars?: unknown;
            };
            header?: never;
            path: {
                /** @description Official province code (2 digits, 2025 list), e.g. 11 for Điện Biên */
                province: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ShowcaseController_map: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                province: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ShowcaseController_producer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: unknown;
                province: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ShowcaseController_mapScript: {
        parameters: {
            query?: never;
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
                content?: never;
            };
        };
    };
    ShowcaseController_shareScript: {
        parameters: {
            query?: never;
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
                content?: never;
            };
        };
    };
    ShowcaseController_photo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ShowcaseController_product: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ResolverController_epcis: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                shortCode: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ResolverController_recallStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                shortCode: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ShowcaseController_robots: {
        parameters: {
            query?: never;
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
                content?: never;
            };
        };
    };
    ShowcaseController_sitemap: {
        parameters: {
            query?: never;
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
                content?: never;
            };
        };
    };
}
