//! Referral patterns and cautions: see `super` for the coordinate conventions.
//!
//! Shoulder girdle and upper back. Arm zones follow anatomical position (palms forward): the
//! front of the arm, forearm and palm are drawn in the anterior view, the back of the arm,
//! forearm and hand in the posterior view; the thumb side is lateral (large x), the ulnar
//! (little-finger) side medial (small x). The lateral shoulder cap and the lateral epicondyle
//! sit on the outline's edge and are drawn in both views.

use super::*;

#[rustfmt::skip]
pub const PATTERNS: &[Pattern] = &[
    Pattern {
        muscle: "middle_trapezius",
        sites: &[
            Site { view: View::Posterior, at: (22, 162), label: clinical!("between scapula and spine, mid-fibres") },
            Site { view: View::Posterior, at: (40, 160), label: clinical!("near the medial border of the scapula") },
        ],
        zones: &[
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(5, 148), (16, 146), (28, 149), (37, 156), (40, 168), (37, 181), (28, 190), (16, 192), (7, 188), (4, 176), (4, 160)] },
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(2, 140), (20, 138), (38, 143), (50, 152), (52, 168), (48, 186), (40, 200), (26, 206), (12, 204), (3, 196), (0, 180), (0, 158)] },
        ],
        refers_to: clinical!("Interscapular region, spreading medially toward the thoracic spinous processes; often described as burning."),
    },
    Pattern {
        muscle: "lower_trapezius",
        sites: &[
            Site { view: View::Posterior, at: (26, 228), label: clinical!("lower fibres, level of the inferior angle") },
            Site { view: View::Posterior, at: (36, 204), label: clinical!("lateral edge of the lower fibres") },
        ],
        zones: &[
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(16, 68), (26, 66), (27, 74), (21, 86), (20, 100), (20, 114), (14, 122), (6, 116), (5, 100), (8, 84), (11, 74)] },
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(42, 150), (56, 145), (72, 146), (86, 149), (94, 153), (92, 160), (80, 163), (64, 166), (50, 167), (42, 160)] },
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(20, 150), (34, 152), (40, 165), (42, 185), (44, 205), (40, 222), (30, 226), (22, 215), (16, 195), (14, 172), (15, 156)] },
        ],
        refers_to: clinical!("High posterior neck up to the mastoid, the suprascapular region and the acromion; spillover to the interscapular region along the medial scapular border."),
    },
    Pattern {
        muscle: "rhomboid_minor",
        sites: &[
            Site { view: View::Posterior, at: (28, 155), label: clinical!("medial to the scapula, upper part") },
        ],
        zones: &[
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(32, 146), (41, 146), (46, 154), (47, 168), (46, 182), (41, 190), (36, 184), (34, 170), (31, 157)] },
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(22, 140), (38, 138), (50, 146), (56, 162), (54, 182), (48, 198), (38, 200), (30, 188), (26, 170), (22, 155)] },
        ],
        refers_to: clinical!("Along the upper medial border of the scapula, between the scapula and the spine; spillover over the supraspinous region."),
    },
    Pattern {
        muscle: "rhomboid_major",
        sites: &[
            Site { view: View::Posterior, at: (30, 185), label: clinical!("medial to the scapula, mid-border") },
            Site { view: View::Posterior, at: (40, 212), label: clinical!("medial to the scapula, lower border") },
        ],
        zones: &[
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(34, 160), (42, 160), (47, 172), (48, 190), (51, 208), (56, 224), (57, 236), (51, 238), (45, 228), (40, 212), (37, 194), (34, 176)] },
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(24, 152), (40, 150), (54, 162), (58, 186), (62, 210), (66, 232), (60, 246), (46, 244), (34, 228), (28, 206), (24, 184), (22, 166)] },
        ],
        refers_to: clinical!("Along the medial scapular border from the root of the spine to the inferior angle; spillover over the adjacent scapula and paraspinal area."),
    },
    Pattern {
        muscle: "supraspinatus",
        sites: &[
            Site { view: View::Posterior, at: (56, 158), label: clinical!("supraspinous fossa, medial") },
            Site { view: View::Posterior, at: (80, 154), label: clinical!("supraspinous fossa, lateral, near the tendon") },
        ],
        zones: &[
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(96, 162), (106, 162), (110, 174), (113, 190), (114, 206), (113, 218), (107, 224), (100, 214), (96, 198), (94, 180)] },
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(96, 162), (106, 162), (110, 174), (113, 190), (114, 206), (113, 218), (107, 224), (100, 214), (96, 198), (94, 180)] },
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(117, 288), (125, 287), (128, 296), (129, 305), (126, 313), (118, 313), (114, 304), (114, 294)] },
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(117, 288), (125, 287), (128, 296), (129, 305), (126, 313), (118, 313), (114, 304), (114, 294)] },
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(104, 212), (114, 216), (118, 240), (122, 264), (126, 284), (120, 292), (112, 282), (106, 262), (102, 238)] },
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(104, 212), (114, 216), (118, 240), (122, 264), (126, 284), (120, 292), (112, 282), (106, 262), (102, 238)] },
        ],
        refers_to: clinical!("Deep ache over the middle deltoid, running down the lateral arm; strong again at the lateral epicondyle."),
    },
    Pattern {
        muscle: "infraspinatus",
        sites: &[
            Site { view: View::Posterior, at: (56, 188), label: clinical!("infraspinous fossa, medial") },
            Site { view: View::Posterior, at: (66, 186), label: clinical!("infraspinous fossa, below the spine") },
        ],
        zones: &[
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(80, 160), (92, 158), (101, 166), (104, 180), (100, 194), (90, 198), (80, 192), (76, 178)] },
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(98, 198), (108, 200), (114, 215), (117, 240), (120, 265), (124, 290), (118, 298), (110, 285), (104, 262), (100, 238), (97, 215)] },
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(118, 302), (127, 302), (132, 318), (138, 340), (143, 364), (147, 386), (148, 400), (141, 402), (136, 386), (131, 364), (125, 342), (119, 322), (115, 310)] },
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(141, 402), (149, 402), (156, 411), (162, 422), (164, 432), (161, 434), (156, 428), (151, 422), (145, 417), (140, 412)] },
        ],
        refers_to: clinical!("Deep in the front of the shoulder joint; spillover down the anterolateral arm and the radial forearm to the thumb side of the hand."),
    },
    Pattern {
        muscle: "teres_minor",
        sites: &[
            Site { view: View::Posterior, at: (74, 195), label: clinical!("lateral scapular border, upper part") },
        ],
        zones: &[
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(88, 188), (98, 186), (106, 192), (108, 202), (104, 211), (95, 214), (87, 209), (84, 198)] },
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(80, 180), (98, 176), (110, 184), (114, 200), (110, 216), (96, 222), (86, 214), (80, 196)] },
        ],
        refers_to: clinical!("A small, well-defined deep area over the posterior deltoid, just above its insertion."),
    },
    Pattern {
        muscle: "teres_major",
        sites: &[
            Site { view: View::Posterior, at: (60, 218), label: clinical!("lower lateral scapular border") },
            Site { view: View::Posterior, at: (66, 212), label: clinical!("posterior axillary fold, upper part") },
        ],
        zones: &[
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(86, 178), (98, 176), (108, 186), (112, 202), (110, 216), (100, 220), (90, 212), (84, 196)] },
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(90, 216), (100, 214), (107, 230), (110, 252), (110, 272), (105, 284), (99, 278), (95, 258), (91, 238), (88, 224)] },
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(117, 314), (127, 312), (134, 326), (139, 344), (140, 362), (134, 372), (127, 366), (121, 350), (116, 332)] },
        ],
        refers_to: clinical!("Posterior deltoid and over the long head of the triceps; spillover to the dorsal forearm."),
    },
    Pattern {
        muscle: "subscapularis",
        sites: &[
            Site { view: View::Anterior, at: (74, 195), label: clinical!("anterior scapula, reached in the axilla") },
            Site { view: View::Anterior, at: (66, 214), label: clinical!("anterior scapula, lower lateral border (axilla)") },
        ],
        zones: &[
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(84, 170), (98, 166), (108, 176), (111, 194), (108, 210), (98, 214), (88, 206), (82, 190)] },
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(48, 176), (62, 172), (72, 178), (76, 192), (71, 210), (64, 224), (54, 226), (47, 210), (45, 192)] },
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(96, 214), (108, 214), (116, 234), (120, 258), (122, 282), (116, 292), (106, 286), (100, 266), (96, 242), (93, 224)] },
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(131, 386), (140, 385), (147, 387), (149, 395), (150, 404), (143, 409), (136, 408), (133, 400), (132, 392)] },
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(131, 386), (140, 385), (147, 387), (149, 395), (150, 404), (143, 409), (136, 408), (133, 400), (132, 392)] },
        ],
        refers_to: clinical!("Posterior shoulder, strongest over the back of the joint; spillover over the scapula and down the back of the arm; a band around the wrist, front and back."),
    },
    Pattern {
        muscle: "latissimus_dorsi",
        sites: &[
            Site { view: View::Posterior, at: (72, 216), label: clinical!("posterior axillary fold") },
            Site { view: View::Anterior, at: (73, 235), label: clinical!("lateral part over the chest wall") },
        ],
        zones: &[
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(40, 218), (52, 216), (62, 224), (66, 238), (62, 254), (50, 262), (38, 258), (32, 244), (34, 228)] },
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(84, 212), (94, 210), (100, 230), (104, 254), (108, 278), (111, 300), (106, 306), (102, 290), (96, 266), (91, 244), (86, 226)] },
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(107, 306), (116, 306), (121, 326), (127, 346), (133, 368), (138, 388), (139, 400), (135, 402), (131, 390), (126, 370), (120, 350), (113, 332), (109, 318)] },
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(134, 404), (141, 404), (145, 420), (147, 440), (148, 458), (146, 466), (142, 463), (139, 450), (136, 434), (134, 418)] },
        ],
        refers_to: clinical!("Around the inferior angle of the scapula and the mid-thoracic region; spillover down the back and medial side of the arm and forearm to the ulnar side of the hand."),
    },
    Pattern {
        muscle: "serratus_anterior",
        sites: &[
            Site { view: View::Anterior, at: (63, 242), label: clinical!("side of chest, rib 5-6 (mid-axillary line)") },
            Site { view: View::Anterior, at: (65, 256), label: clinical!("side of chest, rib 7") },
        ],
        zones: &[
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(56, 222), (66, 216), (73, 224), (72, 240), (70, 256), (66, 266), (58, 264), (52, 252), (51, 236)] },
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(38, 222), (48, 222), (54, 232), (52, 246), (44, 252), (36, 246), (34, 234)] },
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(82, 206), (90, 205), (96, 224), (101, 248), (107, 274), (112, 298), (106, 304), (101, 286), (96, 264), (91, 244), (86, 224)] },
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(107, 306), (116, 306), (121, 326), (127, 346), (133, 368), (138, 388), (139, 400), (135, 402), (131, 390), (126, 370), (120, 350), (113, 332), (109, 318)] },
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(134, 405), (143, 404), (148, 420), (150, 440), (150, 458), (147, 468), (142, 464), (139, 452), (136, 436), (134, 420)] },
        ],
        refers_to: clinical!("Side of the chest at mid-chest level and medial to the inferior angle of the scapula; spillover down the medial arm and forearm to the ulnar side of the palm and the ring and little fingers."),
    },
    Pattern {
        muscle: "pectoralis_major",
        sites: &[
            Site { view: View::Anterior, at: (26, 152), label: clinical!("clavicular section, below the clavicle") },
            Site { view: View::Anterior, at: (36, 200), label: clinical!("sternal section, mid-chest") },
            Site { view: View::Anterior, at: (80, 194), label: clinical!("lateral free border (anterior axillary fold)") },
        ],
        zones: &[
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(8, 150), (30, 148), (52, 154), (66, 168), (70, 190), (62, 212), (46, 226), (26, 230), (10, 222), (5, 200), (5, 172)] },
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(74, 156), (90, 156), (100, 166), (102, 182), (94, 192), (82, 188), (74, 176), (71, 164)] },
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(82, 206), (90, 205), (96, 224), (101, 248), (107, 274), (112, 298), (106, 304), (101, 286), (96, 264), (91, 244), (86, 224)] },
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(107, 306), (116, 306), (121, 326), (127, 346), (133, 368), (138, 388), (139, 400), (135, 402), (131, 390), (126, 370), (120, 350), (113, 332), (109, 318)] },
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(135, 407), (141, 405), (146, 420), (148, 440), (149, 458), (147, 467), (142, 464), (139, 452), (136, 436), (134, 422)] },
        ],
        refers_to: clinical!("Front of the chest and the front of the shoulder; spillover down the medial arm past the medial epicondyle and the ulnar forearm to the ring and little fingers."),
    },
    Pattern {
        muscle: "pectoralis_minor",
        sites: &[
            Site { view: View::Anterior, at: (60, 172), label: clinical!("below the coracoid") },
            Site { view: View::Anterior, at: (50, 200), label: clinical!("lower fibres, near ribs 3-5") },
        ],
        zones: &[
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(70, 152), (86, 152), (98, 160), (102, 174), (96, 188), (84, 190), (74, 182), (68, 166)] },
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(20, 156), (44, 152), (62, 160), (70, 176), (68, 198), (58, 214), (42, 222), (26, 220), (16, 204), (14, 180)] },
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(82, 206), (90, 205), (96, 224), (101, 248), (107, 274), (112, 298), (106, 304), (101, 286), (96, 264), (91, 244), (86, 224)] },
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(107, 306), (116, 306), (121, 326), (127, 346), (133, 368), (138, 388), (139, 400), (135, 402), (131, 390), (126, 370), (120, 350), (113, 332), (109, 318)] },
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(134, 410), (144, 406), (151, 414), (153, 436), (153, 462), (150, 471), (145, 470), (140, 456), (136, 440), (134, 424)] },
        ],
        refers_to: clinical!("Front of the shoulder over the anterior deltoid; spillover over the pectoral region and down the ulnar side of the arm and forearm to the middle, ring and little fingers."),
    },
    Pattern {
        muscle: "anterior_deltoid",
        sites: &[
            Site { view: View::Anterior, at: (84, 166), label: clinical!("upper anterior deltoid, below the clavicle") },
            Site { view: View::Anterior, at: (100, 192), label: clinical!("mid anterior deltoid") },
        ],
        zones: &[
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(70, 150), (86, 150), (100, 158), (107, 176), (110, 198), (110, 214), (104, 220), (96, 206), (86, 190), (74, 176), (66, 162)] },
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(60, 146), (86, 149), (100, 158), (110, 176), (114, 200), (116, 224), (110, 236), (100, 230), (90, 212), (78, 196), (64, 178), (56, 160)] },
        ],
        refers_to: clinical!("Local pain over the anterior deltoid around the trigger point; spillover to the neighbouring middle deltoid and upper arm."),
    },
    Pattern {
        muscle: "middle_deltoid",
        sites: &[
            Site { view: View::Posterior, at: (108, 175), label: clinical!("upper middle deltoid, below the acromion") },
            Site { view: View::Anterior, at: (112, 200), label: clinical!("mid-belly of the middle deltoid") },
        ],
        zones: &[
            Zone { view: View::Anterior, grade: Grade::Essential, outline: &[(98, 156), (104, 162), (108, 168), (112, 188), (114, 206), (115, 222), (111, 228), (106, 214), (102, 196), (99, 178), (96, 164)] },
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(98, 156), (104, 162), (108, 168), (112, 188), (114, 206), (115, 222), (111, 228), (106, 214), (102, 196), (99, 178), (96, 164)] },
            Zone { view: View::Anterior, grade: Grade::Spillover, outline: &[(92, 152), (101, 158), (108, 170), (113, 186), (115, 206), (117, 230), (112, 240), (104, 230), (100, 210), (96, 190), (92, 170)] },
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(92, 152), (101, 158), (108, 170), (113, 186), (115, 206), (117, 230), (112, 240), (104, 230), (100, 210), (96, 190), (92, 170)] },
        ],
        refers_to: clinical!("Local pain over the lateral shoulder cap around the trigger point; spillover to the adjacent deltoid."),
    },
    Pattern {
        muscle: "posterior_deltoid",
        sites: &[
            Site { view: View::Posterior, at: (86, 176), label: clinical!("upper posterior deltoid") },
            Site { view: View::Posterior, at: (104, 205), label: clinical!("lower posterior deltoid, toward the insertion") },
        ],
        zones: &[
            Zone { view: View::Posterior, grade: Grade::Essential, outline: &[(68, 166), (84, 160), (98, 158), (106, 170), (110, 192), (112, 212), (110, 224), (102, 218), (90, 204), (78, 190), (68, 178)] },
            Zone { view: View::Posterior, grade: Grade::Spillover, outline: &[(60, 162), (80, 154), (96, 152), (105, 163), (112, 184), (115, 206), (116, 228), (108, 236), (96, 222), (86, 206), (70, 190), (60, 178)] },
        ],
        refers_to: clinical!("Local pain over the posterior deltoid around the trigger point; spillover to the back of the upper arm."),
    },
];

#[rustfmt::skip]
pub const CAUTIONS: &[Caution] = &[
    Caution { muscle: "rhomboid_major", kind: CautionKind::Lung,
              reason: clinical!("The rhomboids are thin and lie straight over the ribs and intercostal spaces; the pleura and lung are just beneath."),
              guidance: clinical!("Place two fingers in the intercostal spaces on either side of a rib and needle onto that rib at a shallow, tangential angle, never perpendicular into a space. Keep within about 19 mm of the skin. Do not needle both sides of the thorax in the same session.") },
    Caution { muscle: "rhomboid_minor", kind: CautionKind::Lung,
              reason: clinical!("The muscle is thin and lies over the upper ribs; the pleura and lung are just beneath."),
              guidance: clinical!("Fingers in the rib spaces, needle aimed onto a rib at a shallow angle, never straight down between ribs. Keep within about 19 mm of the skin. Do not needle both sides of the thorax in the same session.") },
    Caution { muscle: "middle_trapezius", kind: CautionKind::Lung,
              reason: clinical!("Between the scapula and the spine the muscle is thin and lies over the ribs; the lung is close beneath."),
              guidance: clinical!("Use a pincer grip to lift the muscle off the chest wall where possible, or needle onto a rib between two fingers placed in the rib spaces. Keep the needle shallow and angled away from the chest wall. Do not needle both sides of the thorax in the same session.") },
    Caution { muscle: "lower_trapezius", kind: CautionKind::Lung,
              reason: clinical!("The lower fibres lie thinly over the ribs of the mid-back; the pleura is close beneath."),
              guidance: clinical!("Lift the lateral border in a pincer grip and needle across the grip, or needle onto a rib between two fingers in the rib spaces. Keep the needle shallow and never aim straight into a rib space. Do not needle both sides of the thorax in the same session.") },
    Caution { muscle: "serratus_anterior", kind: CautionKind::Lung,
              reason: clinical!("The slips lie directly on the ribs at the side of the chest; the lung is just under the intercostal spaces."),
              guidance: clinical!("Palpate the rib, place fingers in the spaces above and below, and needle onto the rib at a tangent, pointing away from the chest wall. Keep the depth shallow. Do not needle both sides of the thorax in the same session.") },
    Caution { muscle: "serratus_posterior_superior", kind: CautionKind::Lung,
              reason: clinical!("A thin sheet on the upper ribs under the rhomboids and the scapula; the pleura is close beneath."),
              guidance: clinical!("Protract the scapula to expose the ribs, place fingers in the rib spaces and needle onto a rib at a shallow angle. Keep within about 19 mm. Do not needle both sides of the thorax in the same session.") },
    Caution { muscle: "pectoralis_major", kind: CautionKind::Lung,
              reason: clinical!("Over the front of the chest the muscle lies on the ribs and intercostal spaces, with the lung beneath."),
              guidance: clinical!("Needle the lateral part in a pincer grip (the anterior axillary fold), directing the needle across the grip, parallel to the chest wall. Over the chest keep shallow and needle onto a rib. Do not needle both sides of the thorax in the same session.") },
    Caution { muscle: "pectoralis_minor", kind: CautionKind::Lung,
              reason: clinical!("The muscle lies deep, directly on ribs 3 to 5, with the lung beneath; the axillary vessels and brachial plexus pass under its upper end."),
              guidance: clinical!("Approach from the side of the chest, fingers in the rib spaces, and aim the needle onto a rib, tangential to the chest wall and away from the axilla. Keep depth controlled. Do not needle both sides of the thorax in the same session.") },
    Caution { muscle: "latissimus_dorsi", kind: CautionKind::Lung,
              reason: clinical!("The lateral part crosses the side of the chest wall; the lung lies under the ribs there."),
              guidance: clinical!("Needle the muscle in the posterior axillary fold held in a pincer grip, directing the needle across the grip, not toward the ribs. Over the chest wall keep shallow and needle onto a rib. Do not needle both sides of the thorax in the same session.") },
];
